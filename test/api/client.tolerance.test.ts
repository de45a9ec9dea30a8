import {generateKeyPairSync} from 'node:crypto';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {createOagClient} from '../../source/api/client.js';
import type {OagClient} from '../../source/api/clientOptions.js';
import {OagError} from '../../source/api/errors.js';
import {statusJson} from '../../source/commands/statusFormat.js';
import {DIRECTORY_PRESETS} from '../../source/domain/directoryPresets.js';

// The client against a gateway that is not our simulator: it answers within the contract but in ways the
// simulator never does (empty 2xx bodies, values this version does not know, echoed secrets). The client
// must be tolerant (oag-api.md part A) and must still never let a secret through.

type Reply = {status: number; body?: unknown; raw?: string};
let routes: Record<string, Reply | (() => Reply)> = {};
const seen: string[] = [];
let server: http.Server;
let client: OagClient;

const DB_PASSWORD = 'Hunter2!pass';
const DB_USER = 'oag_offline_db';
const BIND_SECRET = 'S3cr3t-bind';

beforeAll(async () => {
	server = http.createServer((req, res) => {
		let body = '';
		req.on('data', chunk => (body += chunk));
		req.on('end', () => {
			const key = `${req.method} ${req.url}`;
			seen.push(key);
			if (key === 'POST /api/v2/oauth/token') {
				const token = routes[key] as Reply | undefined;
				const reply = token ?? {status: 200, body: {access_token: 'opaque-token', token_type: 'Bearer', expires_in: 300, scope: 'x'}};
				res.writeHead(reply.status, {'content-type': 'application/json'}).end(JSON.stringify(reply.body));
				return;
			}
			const route = routes[key];
			const reply = typeof route === 'function' ? route() : route ?? {status: 404, body: {errorCode: 'E0000007', errorSummary: 'Not found', errorCauses: []}};
			res.writeHead(reply.status, {'content-type': 'application/json'});
			res.end(reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)));
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {privateKey} = generateKeyPairSync('ec', {namedCurve: 'P-256'});
	client = createOagClient({
		host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		clientId: 'client-1',
		privateKey: privateKey.export({type: 'pkcs8', format: 'pem'}).toString(),
		retries: {max: 0},
		onWarning: () => {},
	});
});
afterAll(async () => {
	await client.close();
	server.closeAllConnections();
	await new Promise(resolve => server.close(resolve));
});
beforeEach(() => {
	routes = {};
	seen.length = 0;
});

describe('a 2xx without a body is a success', () => {
	it('set-value calls resolve with the value that was sent', async () => {
		routes['POST /api/v2/idps/i1/offline-mode'] = {status: 204};
		routes['POST /api/v2/apps/a1/offline-mode'] = {status: 200};
		expect(await client.idps.setFailoverMode('i1', 'AUTOMATIC')).toEqual({mode: 'AUTOMATIC'});
		expect(await client.apps.setState('a1', 'TEST')).toEqual({state: 'TEST'});
	});

	it('creates read the new object back; enable never echoes the sent credentials', async () => {
		const config = DIRECTORY_PRESETS.OPEN_LDAP.config('dc=example,dc=com');
		routes['POST /api/v2/idps/i1/offline-mode/directories'] = {status: 201};
		routes['GET /api/v2/idps/i1/offline-mode/directories'] = {
			status: 200,
			body: [{id: 'd1', type: 'OPEN_LDAP', connection: {connectionUrl: 'ldap://dir:389', bindDn: 'cn=r'}, config}],
		};
		const created = await client.directories.create('i1', {
			type: 'OPEN_LDAP',
			connection: {connectionUrl: 'ldap://dir:389', bindDn: 'cn=r', bindCredential: BIND_SECRET},
			config,
		});
		expect(created.id).toBe('d1');

		routes['POST /api/v2/settings/authentication-service'] = {status: 201};
		routes['GET /api/v2/settings/authentication-service'] = {
			status: 200,
			body: {serverNodes: ['n1'], database: {type: 'mysql', host: 'db', port: 3306, name: 'oag'}, publicDomain: 'p.example.com', certificateId: 'c1'},
		};
		const setting = await client.authService.enable({
			serverNodes: ['n1'],
			database: {type: 'mysql', host: 'db', port: 3306, name: 'oag', username: DB_USER, password: DB_PASSWORD},
			publicDomain: 'p.example.com',
			certificateId: 'c1',
		});
		expect(JSON.stringify(setting)).not.toContain(DB_PASSWORD);
		expect(seen).toContain('GET /api/v2/settings/authentication-service');
	});
});

describe('values this version does not know are shown, not refused', () => {
	it('parses unknown modes, states and authentication methods, and an empty access-policy answer', async () => {
		routes['GET /api/v2/idps/i1/offline-mode'] = {status: 200, body: {mode: 'MANUAL'}};
		routes['GET /api/v2/apps/a1/offline-mode'] = {status: 200, body: {state: 'PAUSED', since: '2027-01-01'}};
		routes['GET /api/v2/apps/a1/offline-mode/access-policy'] = {status: 200, body: {}};
		routes['GET /api/v2/idps/i1/offline-mode/access-policies'] = {
			status: 200,
			body: [{id: 'p1', name: 'Keys', rules: [{name: 'r', conditions: {}, actions: {access: 'allow', chains: [{authenticationMethods: [[{key: 'fido2'}]]}]}}]}],
		};
		expect((await client.idps.getFailoverMode('i1')).mode).toBe('MANUAL');
		expect(await client.apps.getState('a1')).toMatchObject({state: 'PAUSED', since: '2027-01-01'});
		expect(await client.apps.getAccessPolicy('a1')).toEqual({accessPolicyId: null});
		expect((await client.accessPolicies.list('i1'))[0]).toMatchObject({id: 'p1', isDefault: false});
	});
});

describe('secrets a gateway echoes never get through', () => {
	it('drops write-only members from answers, so status --json cannot print them', async () => {
		routes['GET /api/v2/settings/authentication-service'] = {
			status: 200,
			body: {serverNodes: ['n1'], database: {type: 'mysql', host: 'db', port: 3306, name: 'oag', username: DB_USER, password: DB_PASSWORD}, publicDomain: 'p.example.com', certificateId: 'c1'},
		};
		routes['GET /api/v2/idps/i1/offline-mode/directories'] = {
			status: 200,
			body: [{id: 'd1', type: 'OPEN_LDAP', connection: {connectionUrl: 'ldap://dir:389', bindDn: 'cn=r', bindCredential: BIND_SECRET}, config: {}}],
		};
		const setting = (await client.authService.get())!;
		const directories = await client.directories.list('i1');
		const json = JSON.stringify(
			statusJson(
				{gateway: 'g', keyBackend: 'keychain', insecure: false},
				{authService: {ok: true, value: {enabled: true, setting}}, idps: {ok: true, value: []}, apps: {ok: true, value: {total: 0, byState: {}, unreadable: 0}}},
			),
		);
		for (const text of [JSON.stringify(setting), JSON.stringify(directories), json]) {
			expect(text).not.toContain(DB_PASSWORD);
			expect(text).not.toContain(DB_USER);
			expect(text).not.toContain(BIND_SECRET);
		}
	});

	it('masks the sent credentials wherever a 400 echoes them: message, field errors, details', async () => {
		routes['POST /api/v2/settings/authentication-service'] = {
			status: 400,
			body: {
				errorCode: 'E0000001',
				errorSummary: `Cannot connect to MySQL as ${DB_USER} with password '${DB_PASSWORD}'`,
				errorCauses: [{field: 'database.password', errorSummary: `password: ${DB_PASSWORD} rejected`, rejectedValue: DB_PASSWORD}],
			},
		};
		const error = await client.authService
			.enable({
				serverNodes: ['n1'],
				database: {type: 'mysql', host: 'db', port: 3306, name: 'oag', username: DB_USER, password: DB_PASSWORD},
				publicDomain: 'p.example.com',
				certificateId: 'c1',
			})
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(OagError);
		const oag = error as OagError;
		expect(oag.kind).toBe('validation');
		expect(oag.fieldErrors()).toHaveProperty('database.password');
		for (const text of [oag.message, JSON.stringify(oag.fieldErrors()), JSON.stringify(oag.details)]) {
			expect(text).not.toContain(DB_PASSWORD);
			expect(text).not.toContain(DB_USER);
		}
	});

	it('strips terminal control sequences from the gateway text it shows', async () => {
		routes['GET /api/v2/idps'] = {status: 500, body: {errorCode: 'E0000009', errorSummary: 'boom \u001b[2J\u001b]0;pwned\u0007 here', errorCauses: []}};
		const error = (await client.idps.list().catch((e: unknown) => e)) as OagError;
		expect(error.kind).toBe('server');
		expect(error.message).not.toMatch(/[\u0000-\u001f\u007f]/);
	});
});

describe('scope refusals at the token endpoint', () => {
	it('an invalid_scope answer that names no scope lists the requested scopes', async () => {
		const other = createOagClient({
			host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
			clientId: 'client-2',
			privateKey: generateKeyPairSync('ec', {namedCurve: 'P-256'}).privateKey.export({type: 'pkcs8', format: 'pem'}).toString(),
			scopes: ['okta.oag.idp.read'],
			onWarning: () => {},
		});
		routes['POST /api/v2/oauth/token'] = {status: 400, body: {error: 'invalid_scope'}};
		const error = (await other.idps.list().catch((e: unknown) => e)) as OagError;
		await other.close();
		expect(error.kind).toBe('missing-scope');
		expect(error.message).toContain('okta.oag.idp.read');
		expect(error.message).toContain('--scopes');
	});
});
