import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import type {DirectoryCreateRequest} from '../../source/api/schemas/directories.js';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {DIRECTORY_PRESETS} from '../../source/domain/directoryPresets.js';
import {HEALTH_POLICY_DEFAULTS} from '../../source/domain/healthPolicy.js';
import {
	createDirectoryOperation,
	deleteDirectoryOperation,
	recreateDirectoryBody,
	snapshotOf,
	updateDirectoryOperation,
} from '../../source/operations/directories.js';
import {preflightDirectory} from '../../source/operations/directoryPreflight.js';
import {adviseFailover} from '../../source/operations/failoverAdvice.js';
import {healthPolicyOperation} from '../../source/operations/healthPolicy.js';
import {createRunner} from '../../source/operations/runner.js';
import {slapdAvailable, startSlapd, type Slapd} from '../helpers/slapd.js';
import {simWithClient, type SimClient} from './support.js';

// Health policy and directory operations through the one runner against the simulator: the counters prove
// what reached the gateway, the memory audit log what was recorded (and that no credential was).

const SECRET = 'Op-Test-Bind-Credential-77';
let env: SimClient;
let idp: {id: string; name: string};

beforeAll(async () => {
	env = await simWithClient({http: true});
	const first = (await env.client.idps.list())[1]!; // the second IdP starts without directories
	idp = {id: first.id, name: first.name};
});
afterAll(async () => env?.close());
beforeEach(() => env.sim.control.resetCounters());

function runnerWith() {
	const audit = memoryAuditLog();
	const runner = createRunner({audit, actor: () => ({profile: 'test', gateway: 'sim', via: 'cli'}), readOnly: () => false, user: () => 'tester'});
	return {runner, lines: async () => (await audit.read()).entries};
}

const writes = (pattern: RegExp) =>
	Object.entries(env.sim.control.counters().byRoute)
		.filter(([route]) => pattern.test(route))
		.reduce((sum, [, n]) => sum + n, 0);

const body = (url = 'ldap://127.0.0.1:389', credential = SECRET): DirectoryCreateRequest => ({
	type: 'OPEN_LDAP',
	connection: {connectionUrl: url, bindDn: 'cn=reader,dc=example,dc=com', bindCredential: credential},
	config: DIRECTORY_PRESETS.OPEN_LDAP.config('dc=example,dc=com'),
});

describe('health policy operation', () => {
	it('replaces all six fields, verifies them, and its undo puts the old six back', async () => {
		const {runner, lines} = runnerWith();
		await env.client.idps.replaceHealthPolicy(idp.id, HEALTH_POLICY_DEFAULTS);
		const wanted = {...HEALTH_POLICY_DEFAULTS, healthCheckInterval: 120, recoveryCooldownInterval: 720};
		const outcome = await runner.run(healthPolicyOperation(env.client, idp, wanted));
		expect(outcome).toMatchObject({ok: true, verified: true, before: HEALTH_POLICY_DEFAULTS, after: wanted});
		expect(await env.client.idps.getHealthPolicy(idp.id)).toMatchObject(wanted);
		const undone = await runner.run(outcome.undo!);
		expect(undone.ok).toBe(true);
		expect(await env.client.idps.getHealthPolicy(idp.id)).toMatchObject(HEALTH_POLICY_DEFAULTS);
		expect((await lines()).map(l => l.outcome)).toEqual(['ok', 'ok']);
	});

	it('a cooldown below the rule is refused before anything is sent, naming the minimum', async () => {
		const {runner} = runnerWith();
		const outcome = await runner.run(healthPolicyOperation(env.client, idp, {...HEALTH_POLICY_DEFAULTS, recoveryCooldownInterval: 300}));
		expect(outcome).toMatchObject({ok: false, outcome: 'invalid', stage: 'validation'});
		expect(outcome.message).toContain('recoveryCooldownInterval: Must be at least 2 × healthCheckInterval × failureThreshold = 360 seconds.');
		expect(writes(/^PUT .*health-policy$/)).toBe(0);
	});
});

describe('directory operations', () => {
	it('create -> update keeping the credential -> delete (typed confirmation), verified and audited without the credential', async () => {
		const {runner, lines} = runnerWith();
		const created = await runner.run(createDirectoryOperation(env.client, idp, body()));
		expect(created).toMatchObject({ok: true, verified: true, before: null});
		const id = (created.after as {id: string}).id;
		expect(created.after).toMatchObject({id, connection: {connectionUrl: 'ldap://127.0.0.1:389'}});

		const {bindCredential: _kept, ...connection} = body('ldap://127.0.0.1:1389').connection;
		const update = updateDirectoryOperation(env.client, idp, id, {...body(), connection});
		expect(update.label).toContain('bind credential kept');
		const updated = await runner.run(update);
		expect(updated).toMatchObject({ok: true, before: {connection: {connectionUrl: 'ldap://127.0.0.1:389'}}, after: {connection: {connectionUrl: 'ldap://127.0.0.1:1389'}}});
		// The PUT carries no credential, so the gateway keeps the stored one (the simulator's keep rule is
		// tested in test/simulator/directories.test.ts).
		expect(update.request.body).toMatchObject({connection: {connectionUrl: 'ldap://127.0.0.1:1389'}});
		expect(JSON.stringify(update.request.body)).not.toContain('bindCredential');

		// Undo of the update restores the URL, again without a credential.
		expect(updated.undo!.request.body).not.toHaveProperty('connection.bindCredential');
		expect((await runner.run(updated.undo!)).ok).toBe(true);
		expect((await env.client.directories.get(idp.id, id)).connection.connectionUrl).toBe('ldap://127.0.0.1:389');

		const del = deleteDirectoryOperation(env.client, idp, {...snapshotOf((await env.client.directories.get(idp.id, id))), id});
		expect(del.confirmation?.expected).toBe('DELETE');
		expect(del.confirmation?.prompt).toMatch(/cannot be undone here.*bind credential/);
		const refused = await runner.run(del, {confirm: async () => false});
		expect(refused).toMatchObject({ok: false, outcome: 'not-confirmed'});
		expect(writes(/^DELETE /)).toBe(0);
		const deleted = await runner.run(del, {confirm: async request => request.expected === 'DELETE'});
		expect(deleted).toMatchObject({ok: true, verified: true, after: null});
		expect(deleted.undo).toBeUndefined();
		expect(await env.client.directories.list(idp.id)).toEqual([]);

		const recreate = recreateDirectoryBody(deleted.before as never, 'retyped');
		expect(recreate?.connection).toEqual({connectionUrl: 'ldap://127.0.0.1:389', bindDn: 'cn=reader,dc=example,dc=com', bindCredential: 'retyped'});
		const audit = JSON.stringify(await lines());
		expect(audit).not.toContain(SECRET);
		expect((await lines()).map(l => [l.action, l.outcome])).toEqual([
			['directories.create', 'ok'],
			['directories.update', 'ok'],
			['directories.update', 'ok'],
			['directories.delete', 'not-confirmed'],
			['directories.delete', 'ok'],
		]);
	});

	it('undo of a create is a confirmed delete of what it made', async () => {
		const {runner} = runnerWith();
		const created = await runner.run(createDirectoryOperation(env.client, idp, body('ldap://127.0.0.1:2389')));
		expect(created.undo?.id).toBe('directories.delete');
		expect((await runner.run(created.undo!, {confirm: async () => true})).ok).toBe(true);
		expect(await env.client.directories.list(idp.id)).toEqual([]);
	});

	it('an invalid body is refused by the domain rule before it is sent; the dry-run body masks the credential', async () => {
		const {runner} = runnerWith();
		const bad = {...body('http://nowhere'), config: {...body().config, userObjectFilter: 'objectClass=user'}};
		const op = createDirectoryOperation(env.client, idp, bad);
		expect(JSON.stringify(op.request)).not.toContain(SECRET);
		expect(JSON.stringify(op.request)).toContain('"bindCredential":"***"');
		const outcome = await runner.run(op);
		expect(outcome).toMatchObject({ok: false, outcome: 'invalid'});
		expect(outcome.message).toMatch(/connection\.connectionUrl: .*config\.userObjectFilter: /);
		expect(writes(/^POST .*directories$/)).toBe(0);
	});
});

const ldap = slapdAvailable();
describe.runIf(ldap)('directory pre-flight through operations', () => {
	let slapd: Slapd;
	beforeAll(async () => {
		slapd = await startSlapd();
	}, 30_000);
	afterAll(async () => slapd?.stop());

	it('checks a directory as stored (no credential) with the credential supplied; an incomplete config is named', async () => {
		const snapshot = snapshotOf({...body(slapd.url, slapd.bindPassword), connection: {connectionUrl: slapd.url, bindDn: slapd.bindDn, bindCredential: slapd.bindPassword}});
		const report = await preflightDirectory(snapshot, slapd.bindPassword);
		expect('steps' in report && report.ok).toBe(true);
		const incomplete = await preflightDirectory({...snapshot, config: {userSearchDn: 'ou=users,dc=example,dc=com'}}, slapd.bindPassword);
		expect(incomplete).toMatchObject({incomplete: expect.arrayContaining(['config.usernameLDAPAttribute', 'config.memberAttribute'])});
	});
});

describe('failover advice', () => {
	it('AUTOMATIC on an IdP without a directory asks, with the warning; with a directory or DISABLED it adds nothing new', async () => {
		const {runner} = runnerWith();
		await env.client.idps.setFailoverMode(idp.id, 'DISABLED');
		expect(await env.client.directories.list(idp.id)).toEqual([]);
		const bare = await adviseFailover(env.client, idp, 'AUTOMATIC');
		expect(bare.warning).toMatch(/has no offline directory: .*offline sign-in will find no users/);
		expect(bare.operation.confirmation).toEqual({expected: 'AUTOMATIC', prompt: bare.warning});
		expect(await runner.run(bare.operation, {confirm: async () => false})).toMatchObject({outcome: 'not-confirmed'});
		expect((await env.client.idps.getFailoverMode(idp.id)).mode).toBe('DISABLED');

		const first = (await env.client.idps.list())[0]!; // seeded with a directory
		const withDirectory = await adviseFailover(env.client, {id: first.id, name: first.name}, 'AUTOMATIC');
		expect(withDirectory.warning).toBeUndefined();
		expect(withDirectory.operation.confirmation).toBeUndefined();
		expect((await adviseFailover(env.client, idp, 'DISABLED')).operation.confirmation?.expected).toBe('DISABLED');
	});
});
