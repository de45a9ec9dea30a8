import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {rollbackOf, runBulk, type BulkProgress} from '../../source/operations/bulk.js';
import {failoverOperation} from '../../source/operations/failover.js';
import {createRunner} from '../../source/operations/runner.js';
import type {Idp} from '../../source/api/schemas/index.js';
import {failoverPosts, simWithClient, type SimClient} from './support.js';

// A bulk change against the simulator: its counters see the concurrency and every write that was sent.

let env: SimClient;
let idps: Idp[];

beforeAll(async () => {
	env = await simWithClient({http: true, idps: 12});
	idps = await env.client.idps.list();
});
afterAll(async () => {
	await env?.close();
});
beforeEach(async () => {
	env.sim.control.setFaults({});
	await Promise.all(idps.map(idp => env.client.idps.setFailoverMode(idp.id, 'DISABLED')));
	env.sim.control.resetCounters();
});

const setup = () => {
	const audit = memoryAuditLog();
	const runner = createRunner({audit, actor: () => ({profile: 'p', gateway: 'g', via: 'cli'}), readOnly: () => false});
	return {audit, runner};
};
const toAutomatic = () => idps.map(idp => failoverOperation(env.client, {id: idp.id, name: idp.name}, 'AUTOMATIC'));

describe('bulk operations', () => {
	it('runs every item under the concurrency cap with progress, one audit line each, and rolls back', async () => {
		const {audit, runner} = setup();
		env.sim.control.setFaults({latencyMs: 30});
		const progress: BulkProgress[] = [];
		const result = await runBulk(runner, toAutomatic(), {concurrency: 3, onProgress: p => progress.push(p)});
		expect(result).toMatchObject({done: 12, failed: 0, notStarted: 0, aborted: false});
		expect(env.sim.control.counters().maxInFlight).toBe(3);
		expect(progress.map(p => p.finished)).toEqual(Array.from({length: 12}, (_, i) => i + 1));
		expect((await audit.read()).entries.filter(e => e.outcome === 'ok')).toHaveLength(12);

		const rollback = rollbackOf(result);
		expect(rollback.map(op => op.requested)).toEqual(Array(12).fill({mode: 'DISABLED'}));
		const undone = await runBulk(runner, rollback, {confirm: async () => true});
		expect(undone.done).toBe(12);
		const modes = await Promise.all(idps.map(idp => env.client.idps.getFailoverMode(idp.id)));
		expect(modes.every(m => m.mode === 'DISABLED')).toBe(true);
	});

	it('asks one confirmation for a dangerous list; refused, nothing is sent and each item is audited', async () => {
		const {audit, runner} = setup();
		await Promise.all(idps.map(idp => env.client.idps.setFailoverMode(idp.id, 'AUTOMATIC')));
		env.sim.control.resetCounters();
		const ops = idps.map(idp => failoverOperation(env.client, {id: idp.id}, 'DISABLED'));
		const prompts: string[] = [];
		const result = await runBulk(runner, ops, {confirm: async request => (prompts.push(request.prompt), false)});
		expect(prompts).toHaveLength(1);
		expect(prompts[0]).toMatch(/^12 changes: /);
		expect(result).toMatchObject({done: 0, failed: 12, notStarted: 0});
		expect(failoverPosts(env.sim)).toBe(0);
		expect((await audit.read()).entries.map(e => e.outcome)).toEqual(Array(12).fill('not-confirmed'));
	});

	it('abort starts nothing new, lets in-flight items finish, and reports done, failed and not started', async () => {
		const {audit, runner} = setup();
		env.sim.control.setFaults({latencyMs: 40});
		const controller = new AbortController();
		const result = await runBulk(runner, toAutomatic(), {concurrency: 4, signal: controller.signal, onProgress: () => controller.abort()});
		expect(result.aborted).toBe(true);
		// The first finished item aborts; the three others already in flight still finish.
		expect(result.done + result.failed).toBe(4);
		expect(result.notStarted).toBe(8);
		expect(failoverPosts(env.sim)).toBe(4);
		expect((await audit.read()).entries).toHaveLength(4);
		const notStarted = result.items.filter(i => i.state === 'not-started').map(i => i.index);
		const stillDisabled = await Promise.all(notStarted.map(i => env.client.idps.getFailoverMode(idps[i]!.id)));
		expect(stillDisabled.every(m => m.mode === 'DISABLED')).toBe(true);
	});

	it('reports a failing item and carries on with the rest', async () => {
		const {runner} = setup();
		const ops = toAutomatic();
		ops[5] = failoverOperation(env.client, {id: 'missing-idp'}, 'AUTOMATIC');
		const result = await runBulk(runner, ops);
		expect(result).toMatchObject({done: 11, failed: 1, notStarted: 0});
		expect(result.items[5]).toMatchObject({state: 'failed', outcome: {stage: 'read-before'}});
	});
});
