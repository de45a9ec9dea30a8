import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runInProcess} from '../commands/inProcess.js';
import {startAppsEnv, type AppsEnv} from './support.js';

// The incident promotion as a command, against the simulator with injected failures: 500 apps, most in
// TEST. The report must say exactly what happened to each app (checked by reading the simulator back),
// the exit code is 4, the audit log has one line per attempted app, and undo puts every state back.

let env: AppsEnv;
let testIds: string[];
let before: Map<string, string>;

beforeAll(async () => {
	env = await startAppsEnv({apps: 500, seed: 7});
	const apps = await env.reader.apps.list();
	// 450 apps in TEST; the rest keep their seeded state (INACTIVE, one ACTIVE) and must not move.
	await env.setStates(apps.slice(0, 450).map(app => app.id), 'TEST');
	before = await env.states();
	testIds = [...before].filter(([, state]) => state === 'TEST').map(([id]) => id);
}, 60_000);
afterAll(async () => {
	await env?.close();
});

type Result = {id: string; name: string; from?: string; to: string; outcome: string; stage?: string; state?: string; error?: string};

describe('apps state --all-in-state TEST ACTIVE with injected failures', () => {
	let report: {batch: string; results: Result[]; plan: {steps: unknown[]; skipped: Array<{id: string}>}; summary: Record<string, number | boolean>};
	let code: number;

	it('reports an exact outcome per app and exits 4', async () => {
		// 500s (the client retries most of them away; a few writes fail for good) and garbled answers (not
		// retried: some writes land without the client seeing the answer, some re-reads fail).
		env.sim.control.setFaults({errorRate: 0.3, malformedRate: 0.2});
		const result = await runInProcess(['apps', 'state', '--all-in-state', 'TEST', 'ACTIVE', ...env.connection, '--yes', '--json']);
		env.sim.control.setFaults({});
		code = result.code;
		report = JSON.parse(result.stdout);
		expect(code).toBe(4);

		const after = await env.states();
		// Every TEST app is a result or a skip, once; a skip of another app is one whose state read failed.
		const reported = [...report.results.map(r => r.id), ...report.plan.skipped.map(s => s.id)];
		expect(new Set(reported).size).toBe(reported.length);
		expect(reported.filter(id => testIds.includes(id)).sort()).toEqual([...testIds].sort());
		for (const skip of report.plan.skipped) if (!testIds.includes(skip.id)) expect(skip).toMatchObject({reason: 'state could not be read'});
		const byOutcome = (outcome: string) => report.results.filter(r => r.outcome === outcome);
		expect(byOutcome('ok').length).toBeGreaterThan(300);
		expect(report.results.filter(r => r.outcome !== 'ok').length).toBeGreaterThan(0);
		for (const r of report.results) {
			if (r.outcome === 'ok') expect([r.name, after.get(r.id), r.state]).toEqual([r.name, 'ACTIVE', 'ACTIVE']);
			// Sent but the answer was lost: the state read back is reported, or the report says it could not be read.
			else if (r.outcome === 'verify-mismatch') expect(r.state === undefined ? r.error : after.get(r.id)).toBe(r.state ?? r.error);
			else expect([r.name, r.outcome, after.get(r.id)]).toEqual([r.name, r.outcome, 'TEST']); // failed before or at the call: unchanged
		}
		for (const s of report.plan.skipped) expect(after.get(s.id)).toBe(before.get(s.id));
		for (const [id, state] of before) if (state !== 'TEST') expect(after.get(id)).toBe(state);
		expect(report.summary).toMatchObject({done: byOutcome('ok').length, notStarted: 0, interrupted: false});
	});

	it('wrote one audit line per attempted app, with the state before', async () => {
		const lines = (await env.auditLines()).filter(line => line.target.batch === report.batch);
		expect(lines.map(l => l.target.id).sort()).toEqual(report.results.map(r => r.id).sort());
		for (const line of lines) {
			const result = report.results.find(r => r.id === line.target.id)!;
			expect(line.outcome).toBe(result.outcome);
			if (line.before !== undefined) expect(line.before).toEqual({state: 'TEST'});
		}
	});

	it('undo --last puts every app back to its recorded previous state', async () => {
		const undone = await runInProcess(['apps', 'undo', '--last', ...env.connection, '--yes', '--json']);
		expect(undone.code).toBe(0);
		// Undone: every app the report says changed (or may have), and no other.
		const mayHaveChanged = report.results.filter(r => r.outcome === 'ok' || (r.outcome === 'verify-mismatch' && r.state !== 'TEST'));
		const body = JSON.parse(undone.stdout) as {results: Result[]};
		expect(body.results.map(r => r.id).sort()).toEqual(mayHaveChanged.map(r => r.id).sort());
		expect(body.results.every(r => r.outcome === 'ok')).toBe(true);
		expect(await env.states()).toEqual(before);
	});
});
