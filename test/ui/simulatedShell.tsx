import {afterAll, afterEach, beforeAll} from 'vitest';
import type {AuditLog} from '../../source/audit/entry.js';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import {App} from '../../source/ui/shell/App.js';
import {themeNamed} from '../../source/ui/theme/theme.js';
import {simWithClient, type SimClient} from '../operations/support.js';
import {KEYS, renderAt, type Harness} from './harness.js';

// The whole TUI against the simulator over HTTP, for UI tests that drive it by keys: one simulator (and a
// client of the test's own, to seed and check the gateway) per test file, and per test a fresh store and
// render, unmounted and disposed after it. Call at the top of the test file: it registers the hooks.

export type ShellStart = {
	/** The connection's host, as the header shows it. */
	host: string;
	healthIntervalMs: number;
	/** Without one the store keeps no audit log of its own. */
	audit?: AuditLog;
	theme?: string;
	columns: number;
	rows: number;
};

export type SimulatedShell = {
	/** The simulator and the test's client; set from beforeAll on. */
	readonly env: SimClient;
	/** A store on the simulator and the App rendered on it; both are gone after the test. */
	start(options: ShellStart): Harness;
};

export function simulatedShell(): SimulatedShell {
	let env: SimClient | undefined;
	let harness: Harness | undefined;
	let store: OagStore | undefined;
	beforeAll(async () => {
		env = await simWithClient({http: true});
	});
	afterAll(async () => env?.close());
	afterEach(() => {
		harness?.unmount();
		store?.dispose();
		harness = undefined;
		store = undefined;
	});
	const started = (): SimClient => {
		if (!env) throw new Error('the simulator starts in beforeAll: use env inside hooks and tests');
		return env;
	};
	return {
		get env() {
			return started();
		},
		start({host, healthIntervalMs, audit, theme = 'no-color', columns, rows}) {
			store = createOagStore({
				api: started().client,
				connection: {profile: 'test', host, keyBackend: 'file', readOnly: false, insecure: false},
				...(audit ? {audit} : {}),
				healthIntervalMs,
			});
			harness = renderAt(<App store={store} theme={themeNamed(theme)} />, {columns, rows});
			return harness;
		},
	};
}

/** From the dashboard to one IdP's screen by `:idp NAME`, waiting until its failover mode and directories show. */
export async function openIdpScreen(h: Harness, name: string): Promise<Harness> {
	await h.waitFor(f => f.includes('Readiness'), 5000);
	await h.press(':');
	await h.type(`idp ${name}`);
	await h.press(KEYS.enter);
	await h.waitFor(f => f.includes('failover mode') && f.includes('Directories ('), 5000);
	return h;
}
