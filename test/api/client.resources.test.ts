import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {DirectoryCreateRequest} from '../../source/api/schemas/directories.js';
import type {AuthServiceEnableRequest} from '../../source/api/schemas/authService.js';
import {DIRECTORY_PRESETS} from '../../source/domain/directoryPresets.js';
import {generateTlsMaterial} from '../../source/simulator/tls.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {clientFor, type TestClient} from './support/clientFor.js';
import {startFakeLdap, type FakeLdap} from './support/fakeLdap.js';

// Every OagApi method against the real simulator over TLS, plus the error kinds a caller branches on.

let sim: RunningSimulator;
let client: TestClient;
let ldap: FakeLdap;
let idpId = '';
let secondIdpId = '';
let appId = '';

const BIND_DN = 'cn=reader,dc=example,dc=com';
const BIND_PASSWORD = 'reader-password';

const directoryBody = (connectionUrl: string): DirectoryCreateRequest => ({
	type: 'OPEN_LDAP',
	connection: {connectionUrl, bindDn: BIND_DN, bindCredential: BIND_PASSWORD},
	config: DIRECTORY_PRESETS.OPEN_LDAP.config('dc=example,dc=com'),
});

const policyBody = (name: string) => ({
	name,
	rules: [
		{
			name: 'Staff with a password',
			conditions: {groups: {include: [{name: 'staff'}]}},
			actions: {access: 'allow' as const, chains: [{authenticationMethods: [[{key: 'password' as const}]]}]},
		},
	],
});

beforeAll(async () => {
	// LDAPS with a throwaway CA, which the simulated gateway node is told to trust (as an admin would).
	const ldapTls = await generateTlsMaterial();
	sim = await startTestSimulator({apps: 5, idps: 2, ldapCaPem: ldapTls.caPem});
	client = clientFor(sim);
	ldap = await startFakeLdap(BIND_DN, BIND_PASSWORD, ldapTls);
	const idps = await client.idps.list();
	idpId = idps[0]!.id;
	secondIdpId = idps[1]!.id;
	appId = (await client.apps.list())[0]!.id;
});
afterAll(async () => {
	await client?.close();
	await sim?.close();
	await ldap?.close();
});

describe('OagApi against the simulator', () => {
	it('certificates: list and get', async () => {
		const certificates = await client.certificates.list();
		expect(certificates.length).toBeGreaterThan(0);
		const first = certificates[0]!;
		expect(await client.certificates.get(first.id)).toMatchObject({id: first.id, commonName: first.commonName});
	});

	it('idps: list, failover mode, health policy', async () => {
		expect((await client.idps.list()).map((idp) => idp.id)).toContain(idpId);
		expect(await client.idps.setFailoverMode(secondIdpId, 'AUTOMATIC')).toMatchObject({mode: 'AUTOMATIC'});
		expect(await client.idps.getFailoverMode(secondIdpId)).toMatchObject({mode: 'AUTOMATIC'});
		const policy = await client.idps.getHealthPolicy(idpId);
		const changed = {...policy, healthCheckInterval: 120, recoveryCooldownInterval: 2 * 120 * policy.failureThreshold};
		expect(await client.idps.replaceHealthPolicy(idpId, changed)).toMatchObject(changed);
		expect(await client.idps.getHealthPolicy(idpId)).toMatchObject(changed);
	});

	it('a bad health policy is validation with per-field causes', async () => {
		const policy = await client.idps.getHealthPolicy(idpId);
		const error = await client.idps
			.replaceHealthPolicy(idpId, {...policy, healthCheckInterval: 61, recoveryCooldownInterval: 1})
			.catch((e: unknown) => e);
		expect(error).toMatchObject({kind: 'validation', details: {status: 400}});
		const fields = Object.keys((error as {fieldErrors(): Record<string, string>}).fieldErrors());
		expect(fields).toEqual(expect.arrayContaining(['healthCheckInterval', 'recoveryCooldownInterval']));
	});

	it('directories: create, list, get, replace, test, remove', async () => {
		const created = await client.directories.create(idpId, directoryBody(ldap.url));
		expect(created.id).toBeTruthy();
		expect(JSON.stringify(created)).not.toContain(BIND_PASSWORD);
		expect((await client.directories.list(idpId)).map((d) => d.id)).toContain(created.id);
		expect(await client.directories.get(idpId, created.id)).toMatchObject({id: created.id, type: 'OPEN_LDAP'});
		const {bindCredential: _kept, ...connection} = directoryBody(ldap.url).connection;
		const replaced = await client.directories.replace(idpId, created.id, {
			...directoryBody(ldap.url),
			type: 'ACTIVE_DIRECTORY',
			connection,
		});
		expect(replaced.type).toBe('ACTIVE_DIRECTORY');
		await expect(
			client.directories.testConnection(idpId, {connectionUrl: ldap.url, bindDn: BIND_DN, bindCredential: BIND_PASSWORD}),
		).resolves.toBeUndefined();
		await client.directories.remove(idpId, created.id);
		await expect(client.directories.get(idpId, created.id)).rejects.toMatchObject({kind: 'not-found'});
	});

	it('a failed bind is validation and never echoes the password', async () => {
		const error = (await client.directories
			.testConnection(idpId, {connectionUrl: ldap.url, bindDn: BIND_DN, bindCredential: 'wrong-secret-value'})
			.catch((e: unknown) => e)) as Error;
		expect(error).toMatchObject({kind: 'validation'});
		expect(error.message).toMatch(/bind failed/i);
		expect(error.message).not.toContain('wrong-secret-value');
	});

	it('access policies: create, list, get, replace, assign, remove', async () => {
		const created = await client.accessPolicies.create(idpId, policyBody('Staff'));
		expect(created).toMatchObject({name: 'Staff', isDefault: false});
		expect((await client.accessPolicies.list(idpId)).map((p) => p.id)).toContain(created.id);
		expect(await client.accessPolicies.get(idpId, created.id)).toMatchObject({id: created.id});
		expect(await client.accessPolicies.replace(idpId, created.id, policyBody('Staff v2'))).toMatchObject({name: 'Staff v2'});
		expect(await client.apps.setAccessPolicy(appId, created.id)).toMatchObject({accessPolicyId: created.id});
		expect(await client.apps.getAccessPolicy(appId)).toMatchObject({accessPolicyId: created.id});
		await client.apps.setAccessPolicy(appId, (await client.accessPolicies.list(idpId)).find((p) => p.isDefault)!.id);
		await client.accessPolicies.remove(idpId, created.id);
		await expect(client.accessPolicies.get(idpId, created.id)).rejects.toMatchObject({kind: 'not-found'});
	});

	it('apps: list, state, group policy', async () => {
		expect((await client.apps.list()).length).toBe(5);
		expect(await client.apps.setState(appId, 'TEST')).toMatchObject({state: 'TEST'});
		expect(await client.apps.getState(appId)).toMatchObject({state: 'TEST'});
		expect(await client.apps.getGroupPolicy(appId)).toHaveProperty('groups');
	});

	it('the legacy group policy PUT is deprecated (405) on new gateways and works on old ones', async () => {
		const error = await client.apps.setGroupPolicy(appId, ['staff']).catch((e: unknown) => e);
		expect(error).toMatchObject({kind: 'deprecated', details: {status: 405}});
		sim.control.setGatewayVersion('2026.06.0');
		try {
			expect(await client.apps.setGroupPolicy(appId, ['staff', 'Everyone'])).toEqual({groups: [{name: 'staff'}, {name: 'Everyone'}]});
		} finally {
			sim.control.setGatewayVersion('2026.11.0');
		}
	});

	it('unknown ids are not-found', async () => {
		await expect(client.certificates.get('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({kind: 'not-found', details: {status: 404}});
		await expect(client.apps.getState('no-such-app')).rejects.toMatchObject({kind: 'not-found'});
	});
});

describe('authentication service', () => {
	it('get, health, certificates, replace certificate', async () => {
		const setting = await client.authService.get();
		expect(setting?.publicDomain).toBeTruthy();
		expect(JSON.stringify(setting)).not.toMatch(/password|username/);
		expect((await client.authService.health())?.status).toBeTruthy();
		const wildcard = (await client.certificates.list()).find((c) => c.commonName === '*.example.com')!;
		const replaced = await client.authService.replaceCertificate({type: 'mtls', hostname: 'mtls.example.com', certificateId: wildcard.id});
		expect(replaced).toMatchObject({type: 'mtls', hostname: 'mtls.example.com'});
		expect(await client.authService.listCertificates()).toEqual([expect.objectContaining({type: 'mtls'})]);
	});

	it('enabling twice is a conflict; disable then get/health resolve undefined; bad body is validation', async () => {
		const setting = (await client.authService.get())!;
		const body: AuthServiceEnableRequest = {
			serverNodes: setting.serverNodes,
			database: {type: 'mysql', host: setting.database.host!, port: setting.database.port!, name: setting.database.name!, username: 'oag', password: 'db-secret-pw'},
			publicDomain: setting.publicDomain,
			certificateId: setting.certificateId!,
		};
		await expect(client.authService.enable(body)).rejects.toMatchObject({kind: 'conflict', details: {status: 409}});
		await client.authService.disable();
		expect(await client.authService.get()).toBeUndefined();
		expect(await client.authService.health()).toBeUndefined();

		const bad = (await client.authService
			.enable({...body, serverNodes: [], database: {...body.database, port: 70000}})
			.catch((e: unknown) => e)) as Error & {fieldErrors(): Record<string, string>};
		expect(bad).toMatchObject({kind: 'validation'});
		expect(Object.keys(bad.fieldErrors())).toEqual(expect.arrayContaining(['serverNodes', 'database.port']));
		expect(bad.message).not.toContain('db-secret-pw');

		expect(await client.authService.enable(body)).toMatchObject({publicDomain: body.publicDomain});
		expect(await client.authService.get()).toMatchObject({publicDomain: body.publicDomain});
	});
});
