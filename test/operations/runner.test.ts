import {mkdtemp, rm, symlink} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {fileAuditLog} from '../../source/audit/fileLog.js';
import {failoverOperation} from '../../source/operations/failover.js';
import {createRunner} from '../../source/operations/runner.js';
import type {ConfirmationRequest} from '../../source/operations/types.js';
import {failoverPosts, simWithClient, type SimClient} from './support.js';

// The runner against the simulator: the POST counter proves what reached the gateway, the audit log
// proves that every attempt left exactly one line.

let env: SimClient;
let idp: {id: string; name: string};
let dir: string;

beforeAll(async () => {
	env = await simWithClient({http: true});
	const first = (await env.client.idps.list())[0]!;
	idp = {id: first.id, name: first.name};
	dir = await mkdtemp(path.join(tmpdir(), 'oag-runner-test-'));
});
afterAll(async () => {
	await env?.close();
	await rm(dir, {recursive: true, force: true});
});
beforeEach(async () => {
	await env.client.idps.setFailoverMode(idp.id, 'DISABLED');
	env.sim.control.setFaults({});
	env.sim.control.resetCounters();
});

function runnerWith(options: {readOnly?: boolean} = {}) {
	const audit = memoryAuditLog();
	const runner = createRunner({
		audit,
		actor: () => ({profile: 'prod', gateway: 'oag.example.com', via: 'cli'}),
		readOnly: () => options.readOnly ?? false,
		user: () => 'alice',
		now: () => Date.parse('2026-12-02T08:00:00Z'),
	});
	const lines = async () => (await audit.read()).entries;
	return {runner, audit, lines};
}

describe('operation runner', () => {
	it('reads before, sends, verifies, audits one line and offers the undo built from the value before', async () => {
		const {runner, lines} = runnerWith();
		const outcome = await runner.run(failoverOperation(env.client, idp, 'AUTOMATIC'));
		expect(outcome).toMatchObject({ok: true, outcome: 'ok', verified: true, before: {mode: 'DISABLED'}, after: {mode: 'AUTOMATIC'}});
		expect(failoverPosts(env.sim)).toBe(1);
		expect(await lines()).toEqual([
			{
				time: '2026-12-02T08:00:00.000Z',
				profile: 'prod',
				gateway: 'oag.example.com',
				user: 'alice',
				action: 'idps.failover',
				target: {kind: 'idp', id: idp.id, name: idp.name},
				via: 'cli',
				requested: {mode: 'AUTOMATIC'},
				before: {mode: 'DISABLED'},
				after: {mode: 'AUTOMATIC'},
				outcome: 'ok',
			},
		]);
		// The undo puts DISABLED back, which is dangerous again: it asks for its own confirmation.
		expect(outcome.undo?.requested).toEqual({mode: 'DISABLED'});
		const asked: ConfirmationRequest[] = [];
		const undone = await runner.run(outcome.undo!, {confirm: async request => (asked.push(request), true)});
		expect(undone).toMatchObject({ok: true, after: {mode: 'DISABLED'}});
		expect(asked.map(a => a.expected)).toEqual(['DISABLED']);
		expect((await env.client.idps.getFailoverMode(idp.id)).mode).toBe('DISABLED');
		expect(await lines()).toHaveLength(2);
	});

	it('in read-only mode sends nothing and audits the refusal', async () => {
		const {runner, lines} = runnerWith({readOnly: true});
		const outcome = await runner.run(failoverOperation(env.client, idp, 'AUTOMATIC'));
		expect(outcome).toMatchObject({ok: false, outcome: 'refused', stage: 'read-only'});
		expect(outcome.undo).toBeUndefined();
		expect(env.sim.control.counters().requests).toBe(0);
		expect(await lines()).toMatchObject([{outcome: 'refused', action: 'idps.failover', requested: {mode: 'AUTOMATIC'}}]);
	});

	it('asks for the declared confirmation and sends nothing when it is refused or missing', async () => {
		const {runner, lines} = runnerWith();
		await env.client.idps.setFailoverMode(idp.id, 'AUTOMATIC');
		env.sim.control.resetCounters();
		expect(await runner.run(failoverOperation(env.client, idp, 'DISABLED'))).toMatchObject({outcome: 'not-confirmed', stage: 'confirm'});
		const refused = await runner.run(failoverOperation(env.client, idp, 'DISABLED'), {confirm: async () => false});
		expect(refused).toMatchObject({ok: false, outcome: 'not-confirmed'});
		expect(failoverPosts(env.sim)).toBe(0);
		const asked: ConfirmationRequest[] = [];
		const confirmed = await runner.run(failoverOperation(env.client, idp, 'DISABLED'), {confirm: async r => (asked.push(r), true)});
		expect(confirmed).toMatchObject({ok: true, after: {mode: 'DISABLED'}});
		expect(asked[0]).toMatchObject({expected: 'DISABLED'});
		expect(asked[0]!.prompt).toContain(idp.name);
		expect(failoverPosts(env.sim)).toBe(1);
		expect((await lines()).map(l => l.outcome)).toEqual(['not-confirmed', 'not-confirmed', 'ok']);
	});

	it('audits a failed call with the error and the value before, and offers no undo', async () => {
		const {runner, lines} = runnerWith();
		const op = failoverOperation(env.client, idp, 'AUTOMATIC');
		const failing = {...op, call: async () => {
			env.sim.control.setFaults({errorRate: 1});
			try {
				return await op.call();
			} finally {
				env.sim.control.setFaults({});
			}
		}};
		const outcome = await runner.run(failing);
		expect(outcome).toMatchObject({ok: false, outcome: 'failed', stage: 'call', before: {mode: 'DISABLED'}});
		expect(outcome.undo).toBeUndefined();
		const [line] = await lines();
		expect(line).toMatchObject({outcome: 'failed', before: {mode: 'DISABLED'}});
		expect(line?.error).toBeTruthy();
		expect(line).not.toHaveProperty('after');
	});

	it('reports a verify mismatch when the gateway holds another value after the write', async () => {
		const {runner, lines} = runnerWith();
		const op = failoverOperation(env.client, idp, 'AUTOMATIC');
		// Another admin (or a gateway rule) sets DISABLED between our write and the re-read.
		const raced = {...op, call: async () => {
			await op.call();
			await env.client.idps.setFailoverMode(idp.id, 'DISABLED');
		}};
		const outcome = await runner.run(raced);
		expect(outcome).toMatchObject({ok: false, outcome: 'verify-mismatch', stage: 'verify', after: {mode: 'DISABLED'}});
		expect(outcome.message).toContain('mode DISABLED');
		expect(outcome.undo).toBeDefined();
		expect(await lines()).toMatchObject([{outcome: 'verify-mismatch', after: {mode: 'DISABLED'}}]);
	});

	it('does not send when the value cannot be read first', async () => {
		const {runner, lines} = runnerWith();
		const outcome = await runner.run(failoverOperation(env.client, {id: 'no-such-idp'}, 'AUTOMATIC'));
		expect(outcome).toMatchObject({ok: false, outcome: 'failed', stage: 'read-before'});
		expect(failoverPosts(env.sim)).toBe(0);
		expect(await lines()).toMatchObject([{outcome: 'failed', target: {id: 'no-such-idp'}}]);
	});

	it('still reports the change when the audit line cannot be written (full disk, not a directory)', async () => {
		const full = path.join(dir, 'full.jsonl');
		await symlink('/dev/full', full);
		for (const file of [full, path.join(import.meta.filename, 'state', 'audit.jsonl')]) {
			await env.client.idps.setFailoverMode(idp.id, 'DISABLED');
			const runner = createRunner({audit: fileAuditLog(file), actor: () => ({profile: 'p', gateway: 'g', via: 'tui'}), readOnly: () => false});
			const outcome = await runner.run(failoverOperation(env.client, idp, 'AUTOMATIC'));
			expect(outcome).toMatchObject({ok: true, outcome: 'ok', after: {mode: 'AUTOMATIC'}});
			expect(outcome.auditWarning).toMatch(/audit line could not be written .*(ENOSPC|ENOTDIR)/);
			expect(outcome.message).toMatch(/done and verified\. WARNING: the audit line could not be written/);
		}
	});
});
