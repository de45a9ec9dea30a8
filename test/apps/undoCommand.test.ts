import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runInProcess} from '../commands/inProcess.js';
import {startAppsEnv, type AppsEnv} from './support.js';

// `apps undo` at a terminal: it lists what it puts back, asks for UNDO typed (Enter alone changes
// nothing), and --since covers several changes, restoring the state before the first of them.

let env: AppsEnv;
beforeAll(async () => {
	env = await startAppsEnv({apps: 12});
});
afterAll(async () => {
	await env?.close();
});

describe('apps undo', () => {
	it('needs UNDO typed; --since restores the state before the first change in the window', async () => {
		const before = await env.states();
		const [crm, wiki] = ['crm', 'wiki'];
		const toTest = await runInProcess(['apps', 'state', crm, wiki, 'TEST', ...env.connection], {answers: ['TEST']});
		expect(toTest.code).toBe(0);
		// At a terminal: the plan, then the progress bar on stderr; the per-app outcome on stdout.
		expect(toTest.stderr).toContain('Plan: 2 app(s) to TEST');
		expect(toTest.stderr).toMatch(/\r\[#+\] 2\/2 {2}ok 2 {2}failed 0/);
		expect(toTest.stdout).toMatch(/^ok +crm {2}INACTIVE -> TEST$/m);
		expect(toTest.stdout).toContain('TEST: 2 changed and verified, 0 failed');
		expect((await runInProcess(['apps', 'state', crm, wiki, 'ACTIVE', ...env.connection], {answers: ['ACTIVE']})).code).toBe(0);
		const promoted = await env.states();
		expect([...promoted.values()].filter(s => s === 'ACTIVE').length).toBe([...before.values()].filter(s => s === 'ACTIVE').length + 2);

		const empty = await runInProcess(['apps', 'undo', '--since', '1h', ...env.connection], {answers: ['']});
		expect(empty.code).toBe(1);
		expect(empty.stderr).toContain('crm  ACTIVE -> INACTIVE');
		expect(empty.prompts.join('')).toContain('Type UNDO to confirm');
		expect(await env.states()).toEqual(promoted);

		const undone = await runInProcess(['apps', 'undo', '--since', '1h', ...env.connection], {answers: ['UNDO']});
		expect(undone.code).toBe(0);
		expect(await env.states()).toEqual(before);

		// The undo is itself the last change: undo --last puts the promotion back.
		const redo = await runInProcess(['apps', 'undo', '--last', ...env.connection, '--yes']);
		expect(redo.code).toBe(0);
		expect(await env.states()).toEqual(promoted);
	});

	it('--dry-run prints the plan\'s requests and sends nothing, without a terminal or --yes', async () => {
		env.sim.control.resetCounters();
		const dry = await runInProcess(['apps', 'state', '--all-in-state', 'INACTIVE', 'TEST', ...env.connection, '--dry-run', '--json']);
		expect(dry.code).toBe(0);
		const requests = JSON.parse(dry.stdout).requests as Array<{method: string; body: unknown}>;
		expect(requests.length).toBeGreaterThan(5);
		expect(requests.every(r => r.method === 'POST' && JSON.stringify(r.body) === '{"state":"TEST"}')).toBe(true);
		const writes = Object.entries(env.sim.control.counters().byRoute).filter(([route]) => !route.startsWith('GET ') && !route.includes('oauth'));
		expect(writes).toEqual([]);
	});

	it('--last and --since together is a usage error', async () => {
		const both = await runInProcess(['apps', 'undo', '--last', '--since', '1h', ...env.connection, '--yes']);
		expect(both.code).toBe(2);
	});
});
