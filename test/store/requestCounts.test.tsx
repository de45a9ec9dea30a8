import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createOagClient} from '../../source/api/client.js';
import type {OagClient} from '../../source/api/clientOptions.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import {App} from '../../source/ui/shell/App.js';
import {themeNamed} from '../../source/ui/theme/theme.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {KEYS, renderAt, sleep, type Harness} from '../ui/harness.js';

// What navigation costs on the wire, counted by the simulator: the TUI is driven with keys as an admin
// would, against the real client, so every request the views' effects cause is on the server's counters.

const APPS = 2_000;
let sim: RunningSimulator;

const count = (route: string) => sim.control.counters().byRoute[route] ?? 0;
const LIST_ROUTES = {
	authService: 'GET /api/v2/settings/authentication-service',
	idps: 'GET /api/v2/idps',
	apps: 'GET /api/v2/apps',
	appState: 'GET /api/v2/apps/{applicationId}/offline-mode',
	groupPolicy: 'GET /api/v2/apps/{applicationId}/offline-mode/group-policy',
	accessPolicy: 'GET /api/v2/apps/{applicationId}/offline-mode/access-policy',
	directories: 'GET /api/v2/idps/{idpId}/offline-mode/directories',
	healthPolicy: 'GET /api/v2/idps/{idpId}/offline-mode/health-policy',
};

async function openTui(): Promise<{harness: Harness; store: OagStore; client: OagClient}> {
	sim.control.resetCounters();
	const client = createOagClient({host: sim.url, clientId: sim.clientId, privateKey: sim.privateKeyPem, caPem: sim.caPem});
	const store = createOagStore({
		api: client,
		connection: {profile: 'sim', host: new URL(sim.url).host, keyBackend: 'test', readOnly: true, insecure: false},
		authState: () => client.authState(),
		healthIntervalMs: 60_000,
	});
	const harness = renderAt(<App store={store} theme={themeNamed('dark')} />, {columns: 120, rows: 36});
	return {harness, store, client};
}

async function close({harness, store, client}: {harness: Harness; store: OagStore; client: OagClient}) {
	harness.unmount();
	store.dispose();
	await store.apps.settled();
	await client.close();
}

async function go(harness: Harness, command: string) {
	await harness.press(':');
	await harness.type(command);
	await harness.press(KEYS.enter);
}

describe('requests per navigation (simulator counters)', () => {
	beforeAll(async () => {
		sim = await startTestSimulator({apps: APPS, idps: 2});
	});
	afterAll(async () => {
		await sim.close();
	});

	it('dashboard -> apps -> dashboard -> IdPs -> dashboard loads each resource once', {timeout: 120_000}, async () => {
		const tui = await openTui();
		const {harness, store} = tui;
		try {
			await harness.waitFor(f => f.includes('Readiness'), 20_000);
			await go(harness, 'apps');
			await harness.waitFor(f => f.includes('Dashboard › Apps'));
			await harness.press(KEYS.esc);
			await harness.waitFor(f => f.includes('Readiness') && !f.includes('› Apps'));
			await go(harness, 'idps');
			await harness.waitFor(f => f.includes('Dashboard › IdPs'));
			await harness.press(KEYS.esc);
			await harness.waitFor(f => f.includes('Readiness') && !f.includes('› IdPs'));
			await store.ensure('apps');
			await store.apps.settled();
			await store.ensureDirectories();

			expect(count(LIST_ROUTES.authService)).toBe(1);
			expect(count(LIST_ROUTES.idps)).toBe(1);
			expect(count(LIST_ROUTES.apps)).toBe(1);
			expect(count(LIST_ROUTES.healthPolicy)).toBe(2);
			expect(count(LIST_ROUTES.directories)).toBe(2);
			// One state read per app, and one policy read per app: the one that answers in this era (the
			// simulator runs the newest gateway, after the cutover, so access policies; no group-policy reads).
			expect(count(LIST_ROUTES.appState)).toBe(APPS);
			expect(count(LIST_ROUTES.accessPolicy)).toBe(APPS);
			expect(count(LIST_ROUTES.groupPolicy)).toBe(0);
			expect(store.state.getState().apps.detailsLoaded).toBe(APPS);
		} finally {
			await close(tui);
		}
	});
});

describe('a refresh pressed twice', () => {
	const RELOAD_APPS = 300;
	beforeAll(async () => {
		// Slow answers keep the reload in flight while the second r arrives.
		sim = await startTestSimulator({apps: RELOAD_APPS, idps: 2, faults: {latencyMs: 10}});
	});
	afterAll(async () => {
		await sim.close();
	});

	it('r r on the apps list starts one reload, not two', {timeout: 120_000}, async () => {
		const tui = await openTui();
		const {harness, store} = tui;
		try {
			await go(harness, 'apps');
			await harness.waitFor(f => f.includes('Dashboard › Apps'), 20_000);
			await store.ensure('apps');
			await store.apps.settled();
			const listsBefore = count(LIST_ROUTES.apps);
			const statesBefore = count(LIST_ROUTES.appState);
			expect(listsBefore).toBe(1);

			await harness.press('r');
			await sleep(20);
			expect(store.state.getState().apps.status.state).toBe('loading'); // shown as refreshing, rows kept
			expect(store.state.getState().apps.items).toHaveLength(RELOAD_APPS);
			await harness.press('r');
			await store.load('apps'); // joins the reload in flight, so this waits for it
			await store.apps.settled();

			expect(count(LIST_ROUTES.apps) - listsBefore).toBe(1);
			expect(count(LIST_ROUTES.appState) - statesBefore).toBe(RELOAD_APPS);
		} finally {
			await close(tui);
		}
	});
});

describe('the apps list reads the rows on screen first', () => {
	const SLOW_APPS = 1_000;
	beforeAll(async () => {
		// 1,000 states at 20 ms under a cap of 8 take about 2.5 s: long enough to see the order.
		sim = await startTestSimulator({apps: SLOW_APPS, idps: 2, faults: {latencyMs: 20}});
	});
	afterAll(async () => {
		await sim.close();
	});

	it('G on the apps list gets the last apps their state long before the others', {timeout: 120_000}, async () => {
		const tui = await openTui();
		const {harness, store} = tui;
		const lastKnown = () => store.state.getState().apps.items.at(-1)?.state !== undefined;
		try {
			await go(harness, 'apps');
			await harness.waitFor(f => f.includes(`${SLOW_APPS} rows`), 20_000);
			expect(lastKnown()).toBe(false);
			await harness.press('G');
			const deadline = Date.now() + 20_000;
			while (!lastKnown() && Date.now() < deadline) await sleep(5);
			expect(lastKnown()).toBe(true);
			// In list order the last app would be read last: it came with the window's rows, early.
			expect(count(LIST_ROUTES.appState)).toBeLessThan(SLOW_APPS / 2);
		} finally {
			await close(tui);
		}
	});
});
