import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DirectoryList} from '../../source/api/schemas/directories.js';
import {slapdAvailable, startSlapd, type Slapd} from '../helpers/slapd.js';
import {openSim, validDirectory, type SimFixture} from './support.js';

// Offline directories: CRUD, strict validation, bindCredential write-only, and a real LDAP bind
// against a throwaway slapd for test-directory-connection.

const SECRET = 'Very-Secret-Bind-Credential-42';

let f: SimFixture;
let base: string;
let idpId: string;
beforeAll(async () => {
	f = await openSim();
	idpId = (await f.call('GET', '/api/v2/idps')).json[0].id;
	base = `/api/v2/idps/${idpId}/offline-mode`;
});
afterAll(async () => f?.close());

const causesOf = (reply: {json: any}) => Object.fromEntries((reply.json.errorCauses as Array<{field: string; errorSummary: string}>).map(c => [c.field, c.errorSummary]));

describe('directories', () => {
	let directoryId: string;

	it('creates (201) without echoing bindCredential, then gets and lists it', async () => {
		const body = validDirectory('ldap://ldap.example.com:389', SECRET);
		const created = await f.call('POST', `${base}/directories`, body);
		expect(created.status).toBe(201);
		const {bindCredential: _secret, ...connection} = body.connection;
		expect(created.json).toEqual({id: expect.any(String), type: body.type, connection, config: body.config});
		directoryId = created.json.id;
		const one = await f.call('GET', `${base}/directories/${directoryId}`);
		const list = await f.call('GET', `${base}/directories`);
		expect(one.json).toEqual(created.json);
		expect(DirectoryList.parse(list.json).map(d => d.id)).toContain(directoryId);
		for (const text of [created.text, one.text, list.text]) {
			expect(text).not.toContain(SECRET);
			expect(text).not.toContain('bindCredential');
		}
	});

	it('replaces with PUT (200), keeping the stored credential when bindCredential is absent', async () => {
		const body = validDirectory('ldaps://ldap.example.com:636');
		const {bindCredential: _omitted, ...connection} = body.connection;
		const reply = await f.call('PUT', `${base}/directories/${directoryId}`, {...body, connection});
		expect(reply.status).toBe(200);
		expect(reply.json.connection).toEqual(connection);
		expect(reply.text).not.toContain('bindCredential');
	});

	it('requires bindCredential on create', async () => {
		const body = validDirectory();
		const {bindCredential: _omitted, ...connection} = body.connection;
		const reply = await f.call('POST', `${base}/directories`, {...body, connection});
		expect(causesOf(reply)).toEqual({'connection.bindCredential': 'Required.'});
	});

	it('refuses bad directories with a cause per field, never echoing the credential', async () => {
		const body = validDirectory('http://ldap.example.com', SECRET);
		const reply = await f.call('POST', `${base}/directories`, {
			...body,
			type: 'LDAP',
			connection: {...body.connection, bindDn: 'reader', port: 389},
			config: {...body.config, userObjectFilter: 'objectClass=user', groupObjectClasses: [], userSearchDn: 42},
		});
		expect(reply.status).toBe(400);
		expect(Object.keys(causesOf(reply)).sort()).toEqual([
			'config.groupObjectClasses',
			'config.userObjectFilter',
			'config.userSearchDn',
			'connection.bindDn',
			'connection.connectionUrl',
			'connection.port',
			'type',
		]);
		expect(reply.text).not.toContain(SECRET);
	});

	it('deletes (204), then 404 for the id', async () => {
		expect((await f.call('DELETE', `${base}/directories/${directoryId}`)).status).toBe(204);
		expect((await f.call('GET', `${base}/directories/${directoryId}`)).status).toBe(404);
		expect((await f.call('DELETE', `${base}/directories/${directoryId}`)).status).toBe(404);
		expect((await f.call('PUT', `${base}/directories/${directoryId}`, validDirectory())).status).toBe(404);
	});
});

describe('test-directory-connection', () => {
	const haveSlapd = slapdAvailable();
	let slapd: Slapd | undefined;
	beforeAll(async () => {
		if (haveSlapd) slapd = await startSlapd();
	});
	afterAll(async () => slapd?.stop());

	it.runIf(haveSlapd)('answers 204 when the bind succeeds against a real slapd', async () => {
		const reply = await f.call('POST', `${base}/test-directory-connection`, {connectionUrl: slapd!.url, bindDn: slapd!.bindDn, bindCredential: slapd!.bindPassword});
		expect(reply.status).toBe(204);
		expect(reply.text).toBe('');
	});

	it.runIf(haveSlapd)('answers 400 with the bind failure, without the password, when it is wrong', async () => {
		const reply = await f.call('POST', `${base}/test-directory-connection`, {connectionUrl: slapd!.url, bindDn: slapd!.bindDn, bindCredential: SECRET});
		expect(reply.status).toBe(400);
		expect(reply.json.errorSummary).toMatch(/^Directory bind failed: invalid credentials/);
		expect(reply.text).not.toContain(SECRET);
	});

	it('answers 400 when nothing listens on the loopback port', async () => {
		const reply = await f.call('POST', `${base}/test-directory-connection`, {connectionUrl: 'ldap://127.0.0.1:1', bindDn: 'cn=reader,dc=example,dc=com', bindCredential: SECRET});
		expect(reply.status).toBe(400);
		expect(reply.json.errorSummary).toMatch(/^Directory bind failed: /);
	});

	it('refuses non-loopback hosts and bad fields without connecting', async () => {
		const remote = await f.call('POST', `${base}/test-directory-connection`, {connectionUrl: 'ldap://ldap.example.com:389', bindDn: 'cn=reader,dc=example,dc=com', bindCredential: SECRET});
		expect(causesOf(remote)).toEqual({connectionUrl: expect.stringMatching(/loopback/)});
		const bad = await f.call('POST', `${base}/test-directory-connection`, {connectionUrl: 'ldap://127.0.0.1:389', bindDn: 'nope'});
		expect(Object.keys(causesOf(bad)).sort()).toEqual(['bindCredential', 'bindDn']);
	});

	it('needs the authentication service (the test runs on its node)', async () => {
		const off = await openSim({authServiceEnabled: false});
		try {
			const id = (await off.call('GET', '/api/v2/idps')).json[0].id;
			const reply = await off.call('POST', `/api/v2/idps/${id}/offline-mode/test-directory-connection`, {connectionUrl: 'ldap://127.0.0.1:1', bindDn: 'cn=a,dc=b', bindCredential: 'x'});
			expect(reply.status).toBe(404);
		} finally {
			await off.close();
		}
	});
});
