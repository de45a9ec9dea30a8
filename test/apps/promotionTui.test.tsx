import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createOagClient} from '../../source/api/client.js';
import type {OagClient} from '../../source/api/clientOptions.js';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import {InterruptOnCtrlC} from '../../source/ui/runTui.js';
import {App} from '../../source/ui/shell/App.js';
import {themeNamed} from '../../source/ui/theme/theme.js';
import {demoConnection} from '../store/fakeOagApi.js';
import {KEYS, renderAt, type Harness} from '../ui/harness.js';
import {startAppsEnv, type AppsEnv} from './support.js';

// The incident promotion in the TUI, keys through the whole shell, against the simulator: P shows the
// plan and asks for the word; Enter twice sends nothing; ACTIVE typed promotes every TEST app (checked
// by reading the simulator back); u with UNDO typed puts them back.

let env: AppsEnv;
let client: OagClient;
let store: OagStore;
let h: Harness;
let testIds: string[];
let quits = 0;
const audit = memoryAuditLog();

const appStatePosts = () =>
	Object.entries(env.sim.control.counters().byRoute)
		.filter(([route]) => /^POST \/api\/v2\/apps\/[^/]+\/offline-mode$/.test(route))
		.reduce((sum, [, n]) => sum + n, 0);

beforeAll(async () => {
	env = await startAppsEnv({apps: 30, gatewayVersion: '2026.03.0'});
	const apps = await env.reader.apps.list();
	await env.setStates(apps.slice(10, 20).map(app => app.id), 'TEST');
	testIds = [...(await env.states())].filter(([, state]) => state === 'TEST').map(([id]) => id);
	client = createOagClient({host: env.sim.url, clientId: env.sim.clientId, privateKey: env.sim.privateKeyPem, caPem: env.sim.caPem!});
	store = createOagStore({api: client, connection: demoConnection, healthIntervalMs: 60_000, audit});
	// Wrapped as runTui wraps it, so Ctrl+C means what it means in the real TUI.
	h = renderAt(
		<InterruptOnCtrlC onInterrupt={() => quits++}>
			<App store={store} theme={themeNamed('no-color')} />
		</InterruptOnCtrlC>,
		{columns: 100, rows: 30},
	);
});
afterAll(async () => {
	h?.unmount();
	store?.dispose();
	await client?.close();
	await env?.close();
});

describe('incident promotion in the TUI', () => {
	it('P shows the whole plan and asks for ACTIVE; Enter twice never promotes', async () => {
		await h.press('5');
		await h.waitFor(f => f.includes('[TEST]') && !f.includes('loading'), 10_000);
		await new Promise(resolve => setTimeout(resolve, 300)); // every app's state read
		env.sim.control.resetCounters();
		await h.press('P');
		const plan = await h.waitFor(f => f.includes(`Plan: ${testIds.length} app(s) to ACTIVE`));
		expect(plan).toMatch(/TEST -> ACTIVE/);
		expect(plan).toContain('Type ACTIVE');
		await h.waitFor(f => f.includes('Type ACTIVE to confirm'));
		await h.press(KEYS.enter, KEYS.enter);
		// The first Enter answers the bar with nothing typed (not confirmed); the second finds no bar.
		await h.waitFor(f => !f.includes('Type ACTIVE to confirm') && f.includes('Type ACTIVE and Enter to run it'));
		await new Promise(resolve => setTimeout(resolve, 200));
		expect(appStatePosts()).toBe(0);
		expect([...(await env.states())].filter(([, s]) => s === 'ACTIVE')).toHaveLength(1); // the seeded one only
	});

	it('ACTIVE typed runs it: progress, a summary, every TEST app ACTIVE on the gateway; u with UNDO puts them back', async () => {
		await h.press(KEYS.esc);
		await h.press('P');
		await h.waitFor(f => f.includes('Type ACTIVE to confirm'));
		await h.type('ACTIVE');
		await h.press(KEYS.enter);
		const done = await h.waitFor(f => f.includes(`${testIds.length} set to ACTIVE and verified, 0 failed`), 10_000);
		expect(done).toContain(`${testIds.length}/${testIds.length}`);
		const after = await env.states();
		expect(testIds.every(id => after.get(id) === 'ACTIVE')).toBe(true);
		expect(appStatePosts()).toBe(testIds.length);

		await h.press('u');
		await h.waitFor(f => f.includes('Type UNDO to confirm'));
		await h.type('UNDO');
		await h.press(KEYS.enter);
		await h.waitFor(f => f.includes(`${testIds.length} set to TEST and verified`), 10_000);
		const undone = await env.states();
		expect(testIds.every(id => undone.get(id) === 'TEST')).toBe(true);
	});

	it("on one app, A asks for the app's name and says why INACTIVE -> ACTIVE is risky; Enter twice changes nothing", async () => {
		const wiki = (await env.reader.apps.list()).find(app => app.name === 'wiki')!;
		await h.press(KEYS.esc);
		await h.waitFor(f => f.includes('P promote'));
		await h.press(':');
		await h.type('app wiki');
		await h.press(KEYS.enter);
		await h.waitFor(f => f.includes('Apps › Wiki'));
		env.sim.control.resetCounters();
		await h.press('A');
		const plan = await h.waitFor(f => f.includes('Type wiki to confirm'));
		expect(plan).toContain('wiki  INACTIVE -> ACTIVE');
		expect(plan).toContain('skips TEST');
		await h.press(KEYS.enter, KEYS.enter);
		await h.waitFor(f => !f.includes('Type wiki to confirm'));
		await new Promise(resolve => setTimeout(resolve, 200));
		expect(appStatePosts()).toBe(0);
		expect((await env.reader.apps.getState(wiki.id)).state).toBe('INACTIVE');

		await h.press(KEYS.esc);
		await h.press('A');
		await h.waitFor(f => f.includes('Type wiki to confirm'));
		await h.type('wiki');
		await h.press(KEYS.enter);
		await h.waitFor(f => f.includes('1 set to ACTIVE and verified'), 10_000);
		expect((await env.reader.apps.getState(wiki.id)).state).toBe('ACTIVE');
	});

	it('Ctrl+C during a run stops it without quitting: in-flight requests finish, the summary says what was not sent', async () => {
		await h.press('5');
		await h.waitFor(f => f.includes('P promote'));
		const states = await env.states();
		const inTest = [...states].filter(([, s]) => s === 'TEST').map(([id]) => id);
		env.sim.control.setFaults({latencyMs: 150});
		const linesBefore = (await audit.read()).entries.length;
		await h.press('P');
		await h.waitFor(f => f.includes('Type ACTIVE to confirm'));
		await h.type('ACTIVE');
		await h.press(KEYS.enter);
		await h.waitFor(f => f.includes(`Setting ${inTest.length} app(s) to ACTIVE`));
		await h.press('\u0003');
		const done = await h.waitFor(f => f.includes('not sent (interrupted'), 10_000);
		env.sim.control.setFaults({});
		expect(quits).toBe(0);
		const ok = Number(/(\d+) set to ACTIVE and verified/.exec(done)?.[1]);
		const notSent = Number(/(\d+) not sent/.exec(done)?.[1]);
		expect(ok + notSent).toBe(inTest.length); // no app unaccounted for
		expect(ok).toBeGreaterThan(0); // the requests in flight finished
		const after = await env.states();
		expect(inTest.filter(id => after.get(id) === 'ACTIVE')).toHaveLength(ok);
		// The audit log accounts for the same run: one line per app that was sent, none for the rest.
		const written = (await audit.read()).entries.slice(linesBefore);
		const audited = written.map(line => String(line.target.id));
		expect(new Set(audited).size).toBe(audited.length);
		expect(audited.sort()).toEqual(inTest.filter(id => after.get(id) === 'ACTIVE').sort());
		expect(written.every(line => line.outcome === 'ok')).toBe(true);
		await h.press('\u0003'); // nothing running: Ctrl+C quits as usual
		expect(quits).toBe(1);
	});
});
