import {mkdtemp, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {Idp} from '../../source/api/schemas/index.js';
import {fileAuditLog} from '../../source/audit/fileLog.js';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import {App} from '../../source/ui/shell/App.js';
import {themeNamed} from '../../source/ui/theme/theme.js';
import {failoverPosts, simWithClient, type SimClient} from '../operations/support.js';
import {KEYS, renderAt, type Harness} from '../ui/harness.js';

// The TUI's failover keys against the simulator, with the store writing the file audit log: each change
// is one line, the typed confirmation goes through the runner, and :audit shows the lines newest first.

let env: SimClient;
let dir: string;
let first: Idp;
let harness: Harness | undefined;
let store: OagStore | undefined;

beforeAll(async () => {
	env = await simWithClient();
	dir = await mkdtemp(path.join(tmpdir(), 'oag-tui-audit-'));
	first = (await env.client.idps.list())[0]!;
});
afterEach(() => {
	harness?.unmount();
	store?.dispose();
});
afterAll(async () => {
	await env?.close();
	await rm(dir, {recursive: true, force: true});
});

async function start(file: string) {
	await env.client.idps.setFailoverMode(first.id, 'DISABLED');
	env.sim.control.resetCounters();
	const audit = fileAuditLog(file);
	store = createOagStore({
		api: env.client,
		connection: {profile: 'corp', host: new URL(env.sim.url).host, keyBackend: 'file', readOnly: false, insecure: false},
		healthIntervalMs: 60_000,
		audit,
	});
	harness = renderAt(<App store={store} theme={themeNamed('no-color')} />, {columns: 120, rows: 30});
	await harness.waitFor(f => f.includes('Readiness'));
	await harness.press('4');
	await harness.waitFor(f => f.includes(first.name) && f.includes('[DISABLED]'));
	const lines = async () => (await audit.read()).entries;
	return {harness, lines};
}

describe('failover from the TUI', () => {
	it('a and D each append exactly one audit line; the typed confirmation is the runner\'s', async () => {
		const file = path.join(dir, 'keys', 'audit.jsonl');
		const {harness, lines} = await start(file);
		await harness.press('a');
		await harness.waitFor(f => f.includes('AUTOMATIC: done and verified'));
		expect(await lines()).toMatchObject([{action: 'idps.failover', via: 'tui', profile: 'corp', target: {id: first.id}, before: {mode: 'DISABLED'}, after: {mode: 'AUTOMATIC'}, outcome: 'ok'}]);
		expect((await stat(file)).mode & 0o777).toBe(0o600);

		await harness.press('D');
		await harness.waitFor(f => f.includes('Type DISABLED'));
		expect(failoverPosts(env.sim)).toBe(1); // nothing sent while the confirmation is open
		await harness.type('DISABLED');
		await harness.press(KEYS.enter);
		await harness.waitFor(f => f.includes('DISABLED: done and verified'));
		expect((await env.client.idps.getFailoverMode(first.id)).mode).toBe('DISABLED');
		expect((await lines()).map(l => [l.outcome, l.after])).toEqual([
			['ok', {mode: 'AUTOMATIC'}],
			['ok', {mode: 'DISABLED'}],
		]);
		expect(failoverPosts(env.sim)).toBe(2);
	});

	it('u undoes the last change back to the mode read before it, through the runner (DISABLED asks again)', async () => {
		const file = path.join(dir, 'undo', 'audit.jsonl');
		const {harness, lines} = await start(file);
		await harness.press('u');
		await harness.waitFor(f => f.includes('no failover change to undo'));
		await harness.press('a');
		await harness.waitFor(f => f.includes('AUTOMATIC: done and verified'));
		await harness.press('u');
		await harness.waitFor(f => f.includes('Type DISABLED'));
		await harness.type('DISABLED');
		await harness.press(KEYS.enter);
		await harness.waitFor(f => f.includes('DISABLED: done and verified'));
		expect((await env.client.idps.getFailoverMode(first.id)).mode).toBe('DISABLED');
		expect((await lines()).map(l => [l.before, l.after])).toEqual([
			[{mode: 'DISABLED'}, {mode: 'AUTOMATIC'}],
			[{mode: 'AUTOMATIC'}, {mode: 'DISABLED'}],
		]);
		await harness.press('u');
		await harness.waitFor(f => f.includes('no failover change to undo'));
	});

	it('Esc on the confirmation sends nothing and records the attempt as not confirmed; :audit lists it first', async () => {
		const file = path.join(dir, 'esc', 'audit.jsonl');
		const {harness, lines} = await start(file);
		await harness.press('a');
		await harness.waitFor(f => f.includes('done and verified'));
		await harness.press('D');
		await harness.waitFor(f => f.includes('Type DISABLED'));
		await harness.type('DIS');
		await harness.press(KEYS.esc);
		await harness.waitFor(f => f.includes('not confirmed'));
		expect(failoverPosts(env.sim)).toBe(1);
		expect((await lines()).map(l => l.outcome)).toEqual(['ok', 'not-confirmed']);

		await harness.press(':');
		await harness.type('audit');
		await harness.press(KEYS.enter);
		const frame = await harness.waitFor(f => f.includes('[not-confirmed]') && f.includes('[ok]'));
		expect(frame.indexOf('[not-confirmed]')).toBeLessThan(frame.indexOf('[ok]'));
		expect(frame).toContain('DISABLED -> AUTOMATIC');
		expect(frame).toContain('2 rows');
	});
});
