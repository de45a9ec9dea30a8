import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createOagClient} from '../api/client.js';
import {startSimulator} from '../simulator/index.js';
import {createOagStore} from '../store/createOagStore.js';
import {runTui} from '../ui/runTui.js';
import {App} from '../ui/shell/App.js';
import {chooseTheme} from '../ui/theme/theme.js';
import type {GlobalOptions} from './globalOptions.js';
import {DEMO_OUTAGE_AFTER_SECONDS, type DemoOptions} from './demoOptions.js';
import {requireTerminal} from './tui.js';

// `oag-offline demo`: the embedded simulator on a random loopback port (HTTPS with its own CA) and the
// TUI against it, with no setup. `--scenario outage` starts the IdP outage after a while so the live
// health panel changes; OAG_DEMO_OUTAGE_AFTER or --outage-after sets the delay (tests use a few seconds).

export async function runDemo(options: DemoOptions, globals: GlobalOptions): Promise<void> {
	requireTerminal();
	const envDelay = process.env.OAG_DEMO_OUTAGE_AFTER;
	const outageAfter = options.outageAfter ?? (envDelay && /^\d+$/.test(envDelay) ? Number(envDelay) : DEMO_OUTAGE_AFTER_SECONDS);
	const dataDir = await mkdtemp(join(tmpdir(), 'oag-demo-'));
	const sim = await startSimulator({
		dataDir,
		apps: options.apps ?? 12,
		outageAfterSeconds: options.scenario === 'outage' ? outageAfter : undefined,
	});
	const client = createOagClient({
		host: sim.url,
		clientId: sim.clientId,
		privateKey: sim.privateKeyPem,
		...(sim.caPem ? {caPem: sim.caPem} : {}),
		onWarning: () => {},
	});
	const store = createOagStore({
		api: client,
		connection: {profile: 'demo', host: new URL(sim.url).host, keyBackend: 'demo (in memory)', readOnly: globals.readOnly ?? false, insecure: false},
		authState: () => client.authState(),
	});
	await runTui(<App store={store} theme={chooseTheme({color: globals.color})} startMessage={demoMessage(options, outageAfter)} />, async () => {
		store.dispose();
		await client.close();
		await sim.close();
		await rm(dataDir, {recursive: true, force: true});
	});
}

function demoMessage(options: DemoOptions, outageAfter: number): string {
	const outage = options.scenario === 'outage' ? ` The IdP outage starts ${outageAfter} s after launch: watch :health.` : '';
	return `Demo: a simulated gateway on loopback; nothing here touches a real OAG.${outage}`;
}
