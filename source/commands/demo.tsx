import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {memoryAuditLog} from '../audit/memoryLog.js';
import {startSimulator} from '../simulator/index.js';
import {runTui} from '../ui/runTui.js';
import {App} from '../ui/shell/App.js';
import {chooseTheme} from '../ui/theme/theme.js';
import {openGateway} from './gateway.js';
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
	// Memory audit: a simulated gateway has no place in the admin's real audit trail (openGateway's default file).
	const {store, dispose} = await openGateway(
		{
			host: sim.url,
			clientId: sim.clientId,
			privateKey: async () => sim.privateKeyPem,
			...(sim.caPem ? {caPem: sim.caPem} : {}),
			insecure: false,
			readOnly: globals.readOnly ?? false,
			keyBackend: 'demo (in memory)',
		},
		{profileLabel: 'demo', onWarning: () => {}, store: {audit: memoryAuditLog()}},
	);
	await runTui(<App store={store} theme={chooseTheme({color: globals.color})} startMessage={demoMessage(options, outageAfter)} />, async () => {
		await dispose();
		await sim.close();
		await rm(dataDir, {recursive: true, force: true});
	});
}

function demoMessage(options: DemoOptions, outageAfter: number): string {
	const outage = options.scenario === 'outage' ? ` The IdP outage starts ${outageAfter} s after launch: watch :health.` : '';
	return `Demo: a simulated gateway on loopback; nothing here touches a real OAG.${outage}`;
}
