import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {AppList, CertificateList, IdpList} from '../../source/api/schemas/index.js';
import {createPrng} from '../../source/simulator/prng.js';
import {seedGateway} from '../../source/simulator/seed.js';
import {openSim, type SimFixture} from './support.js';

// Certificates, IdPs and apps: bare arrays with realistic, deterministic seeds; routing errors.

let f: SimFixture;
beforeAll(async () => {
	f = await openSim({idps: 5, apps: 30});
});
afterAll(async () => f?.close());

describe('catalog routes', () => {
	it('lists three certificates: a wildcard and an expired one among them', async () => {
		const reply = await f.call('GET', '/api/v2/certificates');
		expect(reply.status).toBe(200);
		const certificates = CertificateList.parse(reply.json);
		expect(certificates).toHaveLength(3);
		expect(certificates.some(c => c.commonName === '*.example.com')).toBe(true);
		const today = new Date().toISOString().slice(0, 10);
		expect(certificates.filter(c => (c.expiresOn ?? '') < today)).toHaveLength(1);
	});

	it('gets one certificate, and 404 E0000007 for an unknown id', async () => {
		const [first] = (await f.call('GET', '/api/v2/certificates')).json;
		const one = await f.call('GET', `/api/v2/certificates/${first.id}`);
		expect(one).toMatchObject({status: 200, json: first});
		const unknown = await f.call('GET', '/api/v2/certificates/6f1c2d3e-0000-4000-8000-000000000000');
		expect(unknown.status).toBe(404);
		expect(unknown.json.errorCode).toBe('E0000007');
	});

	it('lists IdPs with realistic names and types', async () => {
		const idps = IdpList.parse((await f.call('GET', '/api/v2/idps')).json);
		expect(idps.map(i => i.name)).toEqual(['Okta Production', 'Okta Staging', 'Okta IdP 3', 'Auth0 IdP 4', 'Okta IdP 5']);
		expect(idps.filter(i => i.type === 'IDP_OKTA').length).toBeGreaterThan(idps.length / 2);
	});

	it('lists apps spread over the IdPs, with labels, types and public domains', async () => {
		const idps = (await f.call('GET', '/api/v2/idps')).json as Array<{id: string}>;
		const apps = AppList.parse((await f.call('GET', '/api/v2/apps?expand=behavior')).json);
		expect(apps).toHaveLength(30);
		expect(apps[0]).toMatchObject({name: 'payroll-portal', label: 'Payroll Portal', publicDomain: 'payroll-portal.apps.example.com', status: 'ACTIVE'});
		expect(new Set(apps.map(a => a.idpId))).toEqual(new Set(idps.map(i => i.id)));
		expect(new Set(apps.map(a => a.name)).size).toBe(30);
		for (const app of apps) expect(['OAG_HEADER_BASED', 'OAG_OIDC', 'OAG_SAML']).toContain(app.type);
	});
});

describe('routing', () => {
	it('answers 404 to an unknown route and 405 with Allow to a wrong method', async () => {
		expect((await f.call('GET', '/api/v2/nothing-here')).status).toBe(404);
		expect((await f.call('GET', '/api/v2/idps/')).status).toBe(404);
		const wrong = await f.call('DELETE', '/api/v2/certificates');
		expect(wrong.status).toBe(405);
		expect(wrong.headers.get('allow')).toBe('GET');
		expect(wrong.json.errorCode).toBe('E0000022');
	});

	it('answers 404 to unknown IdP and app ids on every nested route', async () => {
		const unknown = '00000000-0000-4000-8000-000000000000';
		for (const path of [
			`/api/v2/idps/${unknown}/offline-mode`,
			`/api/v2/idps/${unknown}/offline-mode/health-policy`,
			`/api/v2/idps/${unknown}/offline-mode/directories`,
			`/api/v2/idps/${unknown}/offline-mode/access-policies`,
			`/api/v2/apps/${unknown}/offline-mode`,
			`/api/v2/apps/${unknown}/offline-mode/group-policy`,
			`/api/v2/apps/${unknown}/offline-mode/access-policy`,
		]) {
			const reply = await f.call('GET', path);
			expect(reply.status, path).toBe(404);
			expect(reply.json.errorCode).toBe('E0000007');
		}
	});

	it('counts requests per route template', async () => {
		f.sim.control.resetCounters();
		const [idp] = (await f.call('GET', '/api/v2/idps')).json;
		await f.call('GET', `/api/v2/idps/${idp.id}/offline-mode`);
		const counters = f.sim.control.counters();
		expect(counters.requests).toBe(2);
		expect(counters.byRoute).toEqual({'GET /api/v2/idps': 1, 'GET /api/v2/idps/{idpId}/offline-mode': 1});
	});
});

describe('seeds', () => {
	const seed = (seedValue: number, apps = 12) =>
		seedGateway({prng: createPrng(seedValue), apps, idps: 2, authServiceEnabled: true, gatewayVersion: '2026.11.0', groupPolicyCutover: '2026.09.1', nowMs: Date.UTC(2026, 0, 1)});

	it('is deterministic for a seed and differs between seeds', () => {
		expect([...seed(7).apps.keys()]).toEqual([...seed(7).apps.keys()]);
		expect([...seed(7).apps.keys()]).not.toEqual([...seed(8).apps.keys()]);
	});

	it('seeds 5000 apps in well under a second, with unique names', () => {
		const started = performance.now();
		const state = seed(1, 5000);
		expect(performance.now() - started).toBeLessThan(1000);
		expect(state.apps.size).toBe(5000);
		expect(new Set([...state.apps.values()].map(a => a.app.name)).size).toBe(5000);
	});

	it('serves 5000 apps as one bare array', async () => {
		const big = await openSim({apps: 5000});
		try {
			const reply = await big.call('GET', '/api/v2/apps');
			expect(reply.status).toBe(200);
			expect(AppList.parse(reply.json)).toHaveLength(5000);
		} finally {
			await big.close();
		}
	});

	it('has the first IdP in AUTOMATIC with a directory, and apps in TEST and ACTIVE with a group policy', async () => {
		const [first] = (await f.call('GET', '/api/v2/idps')).json;
		expect((await f.call('GET', `/api/v2/idps/${first.id}/offline-mode`)).json).toEqual({mode: 'AUTOMATIC'});
		expect((await f.call('GET', `/api/v2/idps/${first.id}/offline-mode/directories`)).json).toHaveLength(1);
		const apps = (await f.call('GET', '/api/v2/apps')).json as Array<{id: string}>;
		const states = await Promise.all(apps.map(async a => (await f.call('GET', `/api/v2/apps/${a.id}/offline-mode`)).json.state));
		expect(states).toContain('ACTIVE');
		expect(states).toContain('TEST');
		expect(states.filter(s => s === 'INACTIVE').length).toBeGreaterThan(20);
		const active = apps[states.indexOf('ACTIVE')]!;
		expect((await f.call('GET', `/api/v2/apps/${active.id}/offline-mode/group-policy`)).json).toEqual({groups: [{name: 'Everyone'}]});
	});
});
