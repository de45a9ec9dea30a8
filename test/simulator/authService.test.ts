import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {AuthServiceSetting, HealthCheck} from '../../source/api/schemas/authService.js';
import {openSim, validEnable, type SimFixture} from './support.js';

// /settings/authentication-service: enable/read/disable, strict validation, write-only database
// credentials, health (continuous checks, outage) and the service's certificates.

const BASE = '/api/v2/settings/authentication-service';
const UNKNOWN_ID = '11111111-2222-4333-8444-555555555555';

let f: SimFixture;
let wildcardId: string;
beforeAll(async () => {
	f = await openSim();
	const certificates = (await f.call('GET', '/api/v2/certificates')).json as Array<{id: string; commonName: string}>;
	wildcardId = certificates.find(c => c.commonName === '*.example.com')!.id;
});
afterAll(async () => f?.close());

const causesOf = (reply: {json: any}) => Object.fromEntries((reply.json.errorCauses as Array<{field: string; errorSummary: string}>).map(c => [c.field, c.errorSummary]));

describe('enable, read, disable', () => {
	it('reads the seeded setting without database credentials', async () => {
		const reply = await f.call('GET', BASE);
		expect(reply.status).toBe(200);
		expect(AuthServiceSetting.parse(reply.json).database).toEqual({type: 'mysql', host: 'db.example.com', port: 3306, name: 'oagofflinemode'});
		expect(reply.text).not.toMatch(/username|password/);
	});

	it('answers 409 to an enable while enabled', async () => {
		const reply = await f.call('POST', BASE, validEnable(wildcardId));
		expect(reply.status).toBe(409);
		expect(reply.json.errorSummary).toMatch(/already enabled/);
	});

	it('disables (204), then GET, health and certificates are 404', async () => {
		expect((await f.call('DELETE', BASE)).status).toBe(204);
		for (const path of [BASE, `${BASE}/health-check`, `${BASE}/certificates`]) {
			expect((await f.call('GET', path)).status, path).toBe(404);
		}
		expect((await f.call('DELETE', BASE)).status).toBe(404);
	});

	it('refuses bad enable bodies with one cause per bad field', async () => {
		const body = validEnable(wildcardId);
		const bad = {
			...body,
			serverNodes: [],
			database: {...body.database, type: 'postgres', port: 70000, extra: true},
			publicDomain: '10.0.0.1',
			certificateId: UNKNOWN_ID,
		};
		const reply = await f.call('POST', BASE, bad);
		expect(reply.status).toBe(400);
		expect(reply.json.errorCode).toBe('E0000001');
		expect(reply.json.errorSummary).toMatch(/^Api validation failed: /);
		const causes = causesOf(reply);
		expect(Object.keys(causes).sort()).toEqual(['certificateId', 'database.extra', 'database.port', 'database.type', 'publicDomain', 'serverNodes']);
		expect(causes['certificateId']).toBe('No certificate with this id.');
		expect(causes['database.port']).toMatch(/1 to 65535/);
		expect(reply.text).not.toContain(body.database.password);
	});

	it('refuses missing fields, wrong types, non-JSON and a wrong content type', async () => {
		const {publicDomain: _omitted, ...missing} = validEnable(wildcardId);
		const reply = await f.call('POST', BASE, {...missing, serverNodes: 'oag-node-1'});
		expect(reply.status).toBe(400);
		expect(causesOf(reply)).toMatchObject({publicDomain: 'Required.', serverNodes: expect.stringMatching(/array/)});
		expect((await f.call('POST', BASE, undefined, {rawBody: '{"serverNodes": [', contentType: 'application/json'})).status).toBe(400);
		expect((await f.call('POST', BASE, undefined, {rawBody: JSON.stringify(validEnable(wildcardId)), contentType: 'text/plain'})).status).toBe(400);
		expect((await f.call('POST', BASE, [])).status).toBe(400);
	});

	it('enables with 201, never echoing the database credentials', async () => {
		const body = validEnable(wildcardId);
		const reply = await f.call('POST', BASE, body);
		expect(reply.status).toBe(201);
		const {username: _u, password: _p, ...database} = body.database;
		expect(reply.json).toEqual({...body, database});
		for (const text of [reply.text, (await f.call('GET', BASE)).text]) {
			expect(text).not.toContain(body.database.password);
			expect(text).not.toContain(body.database.username);
		}
	});
});

describe('health check', () => {
	it('is HEALTHY and lastChecked moves forward on every read', async () => {
		const first = HealthCheck.parse((await f.call('GET', `${BASE}/health-check`)).json);
		const second = HealthCheck.parse((await f.call('GET', `${BASE}/health-check`)).json);
		expect(first.status).toBe('HEALTHY');
		expect(Date.parse(second.lastChecked!)).toBeGreaterThan(Date.parse(first.lastChecked!));
	});

	it('turns UNHEALTHY during an outage and recovers after it', async () => {
		f.sim.control.setOutage(true);
		const down = (await f.call('GET', `${BASE}/health-check`)).json;
		expect(down.status).toBe('UNHEALTHY');
		expect(down.details).toMatch(/^Okta IdP unreachable/);
		f.sim.control.setOutage(false);
		expect((await f.call('GET', `${BASE}/health-check`)).json.status).toBe('HEALTHY');
	});

	it('starts an outage on schedule (outageAfterSeconds) and reads INITIALIZING after a fresh enable', async () => {
		const scheduled = await openSim({outageAfterSeconds: 0, authServiceEnabled: false, authServiceStartupSeconds: 60});
		try {
			const certificateId = (await scheduled.call('GET', '/api/v2/certificates')).json[0].id;
			expect((await scheduled.call('POST', BASE, validEnable(certificateId))).status).toBe(201);
			expect((await scheduled.call('GET', `${BASE}/health-check`)).json.status).toBe('INITIALIZING');
		} finally {
			await scheduled.close();
		}
		const outage = await openSim({outageAfterSeconds: 0});
		try {
			expect((await outage.call('GET', `${BASE}/health-check`)).json.status).toBe('UNHEALTHY');
		} finally {
			await outage.close();
		}
	});
});

describe('service certificates', () => {
	it('replaces the mTLS certificate and lists it', async () => {
		const body = {type: 'mtls', hostname: 'mtls.example.com', certificateId: wildcardId};
		const reply = await f.call('PUT', `${BASE}/certificates`, body);
		expect(reply).toMatchObject({status: 200, json: body});
		expect((await f.call('GET', `${BASE}/certificates`)).json).toEqual([body]);
	});

	it('refuses a host the certificate does not cover, the public domain itself, and unknown certificates', async () => {
		const deep = await f.call('PUT', `${BASE}/certificates`, {type: 'mtls', hostname: 'a.b.example.com', certificateId: wildcardId});
		expect(causesOf(deep).hostname).toMatch(/does not cover/);
		const same = await f.call('PUT', `${BASE}/certificates`, {type: 'mtls', hostname: 'offline.example.com', certificateId: wildcardId});
		expect(causesOf(same).hostname).toMatch(/differ/);
		const admin = await f.call('PUT', `${BASE}/certificates`, {type: 'mtls', hostname: 'offline-admin.example.com', certificateId: wildcardId});
		expect(causesOf(admin).hostname).toMatch(/differ/);
		const unknown = await f.call('PUT', `${BASE}/certificates`, {type: 'mtls', hostname: 'mtls.example.com', certificateId: UNKNOWN_ID});
		expect(causesOf(unknown)).toEqual({certificateId: 'No certificate with this id.'});
	});
});
