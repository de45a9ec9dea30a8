import {randomBytes} from 'node:crypto';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import type {AuthServiceEnableRequest} from '../../source/api/schemas/authService.js';
import {paths} from '../../source/api/schemas/paths.js';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {disableOperation, enableOperation} from '../../source/operations/authService.js';
import {changeAuthServiceSettings} from '../../source/operations/authServiceChange.js';
import {createRunner} from '../../source/operations/runner.js';
import {simWithClient, type SimClient} from './support.js';

// Enable, disable and change settings of the authentication service against the simulator: what was
// sent (its counters), what the gateway holds after, the audit lines, and the DB password in none of them.

let env: SimClient;
let certificateId: string;
let otherCertificateId: string;
const oldPassword = `old-${randomBytes(8).toString('hex')}`;
const newPassword = `new-${randomBytes(8).toString('hex')}`;
const ENABLE_ROUTE = `POST ${paths.authService}`;

const body = (overrides: Partial<AuthServiceEnableRequest> = {}, password = oldPassword): AuthServiceEnableRequest => ({
	serverNodes: ['oag-node-1.example.com'],
	database: {type: 'mysql', host: 'db.example.com', port: 3306, name: 'oagoffline', username: 'oag', password},
	publicDomain: 'offline.example.com',
	certificateId,
	...overrides,
});

function runnerWith() {
	const audit = memoryAuditLog();
	const runner = createRunner({audit, actor: () => ({profile: 'prod', gateway: 'oag.example.com', via: 'cli'}), readOnly: () => false, user: () => 'alice'});
	return {runner, audit};
}
const posts = () => env.sim.control.counters().byRoute[ENABLE_ROUTE] ?? 0;
const yes = async () => true;

beforeAll(async () => {
	env = await simWithClient({http: true, authServiceEnabled: false});
	const certificates = await env.client.certificates.list();
	certificateId = certificates[0]!.id;
	otherCertificateId = certificates[1]!.id;
});
afterAll(async () => env?.close());
beforeEach(async () => {
	env.sim.control.setFaults({});
	if (await env.client.authService.get()) await env.client.authService.disable();
	env.sim.control.resetCounters();
});

describe('enable and disable', () => {
	it('enable sends, verifies, audits without the credentials, and offers disable as its undo', async () => {
		const {runner, audit} = runnerWith();
		const outcome = await runner.run(enableOperation(env.client, body()));
		expect(outcome).toMatchObject({ok: true, verified: true, before: {enabled: false}, after: {enabled: true, publicDomain: 'offline.example.com'}});
		expect(outcome.undo?.id).toBe('authService.disable');
		const lines = audit.lines().join('');
		expect(lines).not.toContain(oldPassword);
		expect(lines).not.toContain('"username"');
		expect(JSON.stringify(outcome.requested)).not.toContain(oldPassword);
		expect(JSON.stringify(enableOperation(env.client, body()).request)).not.toContain(oldPassword);
	});

	it('enable refuses before sending when the service is already enabled or a field is wrong', async () => {
		await env.client.authService.enable(body());
		env.sim.control.resetCounters();
		const {runner} = runnerWith();
		const again = await runner.run(enableOperation(env.client, body()));
		expect(again).toMatchObject({ok: false, outcome: 'invalid'});
		expect(again.message).toMatch(/already enabled, and the gateway has no update/);
		await env.client.authService.disable();
		const wrong = await runner.run(enableOperation(env.client, body({serverNodes: [], publicDomain: '10.0.0.1'})));
		expect(wrong.message).toMatch(/serverNodes: At least one server node.*publicDomain: Use a domain name/);
		expect(posts()).toBe(0);
	});

	it('disable needs DISABLE typed, and its undo says that re-enabling needs the password', async () => {
		await env.client.authService.enable(body());
		env.sim.control.resetCounters();
		const {runner, audit} = runnerWith();
		const refused = await runner.run(disableOperation(env.client), {confirm: async () => false});
		expect(refused.outcome).toBe('not-confirmed');
		expect(await env.client.authService.get()).toBeDefined();
		let asked = '';
		const outcome = await runner.run(disableOperation(env.client), {confirm: async request => ((asked = `${request.expected}: ${request.prompt}`), true)});
		expect(asked).toMatch(/^DISABLE: .*offline sign-in stops/);
		expect(outcome).toMatchObject({ok: true, after: {enabled: false}});
		expect(await env.client.authService.get()).toBeUndefined();
		const undo = await runner.run(outcome.undo!);
		expect(undo.outcome).toBe('invalid');
		expect(undo.message).toMatch(/cannot be undone from here: the gateway never returns the database user and password/);
		expect(undo.message).toContain('oag-offline auth-service enable --server-node oag-node-1.example.com --db-host db.example.com');
		expect(posts()).toBe(0);
		expect(audit.lines()).toHaveLength(3);
	});
});

describe('change settings (disable, then enable with the new values)', () => {
	it('changes the setting when the new enable succeeds', async () => {
		await env.client.authService.enable(body());
		const {runner, audit} = runnerWith();
		const result = await changeAuthServiceSettings(runner, env.client, body({certificateId: otherCertificateId}, newPassword), {confirm: yes});
		expect(result).toMatchObject({ok: true, state: 'changed'});
		expect((await env.client.authService.get())?.certificateId).toBe(otherCertificateId);
		const lines = audit.lines().join('');
		expect(lines).not.toContain(newPassword);
		expect(lines).not.toContain(oldPassword);
	});

	it('re-enables the old setting when the new enable fails (injected 500), with the old credentials', async () => {
		await env.client.authService.enable(body());
		env.sim.control.setFaults({failNext: {[ENABLE_ROUTE]: 1}});
		env.sim.control.resetCounters();
		const {runner, audit} = runnerWith();
		const result = await changeAuthServiceSettings(runner, env.client, body({certificateId: otherCertificateId, publicDomain: 'new.example.com'}, newPassword), {
			confirm: yes,
			oldCredentials: {username: 'oag', password: oldPassword},
		});
		expect(result).toMatchObject({ok: false, state: 'restored'});
		expect(result.message).toMatch(/The old setting was enabled again\.$/);
		expect(result.steps.map(step => `${step.operationId}:${step.outcome}`)).toEqual(['authService.disable:ok', 'authService.enable:failed', 'authService.enable:ok']);
		const now = await env.client.authService.get();
		expect(now).toMatchObject({publicDomain: 'offline.example.com', certificateId});
		expect(posts()).toBe(2);
		const lines = audit.lines().join('');
		expect(lines).not.toContain(newPassword);
		expect(lines).not.toContain(oldPassword);
	});

	it('without the old credentials it says the service stays disabled and what to run', async () => {
		await env.client.authService.enable(body());
		env.sim.control.setFaults({failNext: {[ENABLE_ROUTE]: 1}});
		const {runner} = runnerWith();
		const result = await changeAuthServiceSettings(runner, env.client, body({}, newPassword), {confirm: yes});
		expect(result).toMatchObject({ok: false, state: 'disabled'});
		expect(result.message).toMatch(/could not be restored without its database password: the authentication service is DISABLED\. Re-enable it with: oag-offline auth-service enable/);
		expect(await env.client.authService.get()).toBeUndefined();
	});

	it('a wrong new value is caught before the service is disabled', async () => {
		await env.client.authService.enable(body());
		env.sim.control.resetCounters();
		const {runner} = runnerWith();
		const result = await changeAuthServiceSettings(runner, env.client, body({database: {...body().database, port: 70000}}), {confirm: yes});
		expect(result).toMatchObject({ok: false, state: 'unchanged', fieldErrors: {'database.port': expect.stringMatching(/1 to 65535/)}});
		expect(env.sim.control.counters().byRoute[`DELETE ${paths.authService}`] ?? 0).toBe(0);
	});
});
