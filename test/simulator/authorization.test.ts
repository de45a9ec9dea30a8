import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {signAssertion, tokenFor} from '../helpers/simulator.js';
import {openSim, type SimFixture} from './support.js';

// Every resource route needs a live bearer, then the scope of its family (oag-api.md part A).

const INVALID_TOKEN = {errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorCauses: []};

let f: SimFixture;
let idpId: string;
let appId: string;
beforeAll(async () => {
	f = await openSim();
	idpId = (await f.call('GET', '/api/v2/idps')).json[0].id;
	appId = (await f.call('GET', '/api/v2/apps')).json[0].id;
});
afterAll(async () => f?.close());

describe('bearer tokens', () => {
	it('refuses a missing, unknown or raw-assertion bearer with the 401 body', async () => {
		for (const token of [null, 'not-a-token', await signAssertion(f.sim, f.sim, {scope: 'okta.oag.idp.read'})]) {
			const reply = await f.call('GET', '/api/v2/idps', undefined, {token});
			expect(reply.status).toBe(401);
			expect(reply.json).toEqual(INVALID_TOKEN);
		}
	});

	it('refuses tokens after control.expireTokens()', async () => {
		const token = await tokenFor(f.sim, f.dispatcher);
		expect((await f.call('GET', '/api/v2/idps', undefined, {token})).status).toBe(200);
		f.sim.control.expireTokens();
		expect((await f.call('GET', '/api/v2/idps', undefined, {token})).status).toBe(401);
		f.token = await tokenFor(f.sim, f.dispatcher);
	});

	it('refuses a token after its lifetime', async () => {
		const short = await openSim({tokenTtlSeconds: 1});
		try {
			expect((await short.call('GET', '/api/v2/idps')).status).toBe(200);
			await new Promise(resolve => setTimeout(resolve, 1100));
			expect((await short.call('GET', '/api/v2/idps')).status).toBe(401);
		} finally {
			await short.close();
		}
	});
});

describe('scopes', () => {
	const routes = () => [
		['GET', '/api/v2/idps', 'okta.oag.idp.read'],
		['GET', `/api/v2/idps/${idpId}/offline-mode/directories`, 'okta.oag.idp.read'],
		['POST', `/api/v2/idps/${idpId}/offline-mode`, 'okta.oag.idp.manage'],
		['PUT', `/api/v2/idps/${idpId}/offline-mode/health-policy`, 'okta.oag.idp.manage'],
		['GET', '/api/v2/apps', 'okta.oag.app.read'],
		['POST', `/api/v2/apps/${appId}/offline-mode`, 'okta.oag.app.manage'],
		['GET', '/api/v2/certificates', 'okta.oag.cert.read'],
		['GET', '/api/v2/settings/authentication-service', 'okta.oag.authenticationService.manage'],
		['GET', '/api/v2/settings/authentication-service/health-check', 'okta.oag.authenticationService.manage'],
	] as const;

	it('answers 403 naming the missing scope', async () => {
		const client = await f.sim.control.addClient(['okta.oag.cert.read']);
		const token = await tokenFor(f.sim, f.dispatcher, client);
		for (const [method, path, scope] of routes()) {
			const reply = await f.call(method, path, method === 'GET' ? undefined : {}, {token});
			const summary = `The access token is missing the required scope ${scope}`;
			if (scope === 'okta.oag.cert.read') {
				expect(reply.status, path).toBe(200);
				continue;
			}
			expect(reply.status, `${method} ${path}`).toBe(403);
			expect(reply.json).toEqual({errorCode: 'E0000006', errorSummary: summary, errorCauses: [{errorSummary: summary}]});
		}
	});

	it('lets a manage scope read, but a read scope not write', async () => {
		const manager = await f.sim.control.addClient(['okta.oag.idp.manage']);
		const reader = await f.sim.control.addClient(['okta.oag.idp.read']);
		const managerToken = await tokenFor(f.sim, f.dispatcher, manager);
		const readerToken = await tokenFor(f.sim, f.dispatcher, reader);
		expect((await f.call('GET', '/api/v2/idps', undefined, {token: managerToken})).status).toBe(200);
		expect((await f.call('GET', '/api/v2/idps', undefined, {token: readerToken})).status).toBe(200);
		const write = await f.call('POST', `/api/v2/idps/${idpId}/offline-mode`, {mode: 'AUTOMATIC'}, {token: readerToken});
		expect(write.status).toBe(403);
		expect(write.json.errorSummary).toContain('okta.oag.idp.manage');
	});

	it('grants only the scopes the token asked for', async () => {
		const token = await tokenFor(f.sim, f.dispatcher, f.sim, ['okta.oag.app.read']);
		expect((await f.call('GET', '/api/v2/apps', undefined, {token})).status).toBe(200);
		expect((await f.call('GET', '/api/v2/idps', undefined, {token})).status).toBe(403);
	});
});

describe('direct bearer mode', () => {
	let direct: SimFixture;
	beforeAll(async () => {
		direct = await openSim({directBearerOnly: true, scopes: ['okta.oag.idp.read', 'okta.oag.app.read']});
	});
	afterAll(async () => direct?.close());

	it('answers 404 on the token endpoint', async () => {
		const reply = await direct.call('POST', '/api/v2/oauth/token', undefined, {rawBody: 'grant_type=client_credentials', contentType: 'application/x-www-form-urlencoded'});
		expect(reply.status).toBe(404);
	});

	it('takes a fresh signed assertion as the bearer, with scopes from its scope claim', async () => {
		const token = await signAssertion(direct.sim, direct.sim, {scope: 'okta.oag.idp.read'});
		expect((await direct.call('GET', '/api/v2/idps', undefined, {token})).status).toBe(200);
		const another = await signAssertion(direct.sim, direct.sim, {scope: 'okta.oag.idp.read'});
		const forbidden = await direct.call('GET', '/api/v2/apps', undefined, {token: another});
		expect(forbidden.status).toBe(403);
		expect(forbidden.json.errorSummary).toContain('okta.oag.app.read');
	});

	it('refuses assertions with a bad aud, an ungranted scope, no scope, no typ or a kid', async () => {
		for (const token of [
			await signAssertion(direct.sim, direct.sim, {scope: 'okta.oag.idp.read', aud: 'https://oag.example.com'}),
			await signAssertion(direct.sim, direct.sim, {scope: 'okta.oag.idp.manage'}),
			await signAssertion(direct.sim, direct.sim),
			await signAssertion(direct.sim, direct.sim, {scope: 'okta.oag.idp.read'}, {header: {typ: null}}),
			await signAssertion(direct.sim, direct.sim, {scope: 'okta.oag.idp.read'}, {header: {kid: 'key-1'}}),
		]) {
			const reply = await direct.call('GET', '/api/v2/idps', undefined, {token});
			expect(reply.status).toBe(401);
			expect(reply.json).toEqual(INVALID_TOKEN);
		}
	});

	it('refuses a replayed assertion (single-use jti), also on another route', async () => {
		const token = await signAssertion(direct.sim, direct.sim, {scope: 'okta.oag.idp.read okta.oag.app.read'});
		expect((await direct.call('GET', '/api/v2/idps', undefined, {token})).status).toBe(200);
		for (const path of ['/api/v2/idps', '/api/v2/apps']) {
			const replay = await direct.call('GET', path, undefined, {token});
			expect(replay.status, path).toBe(401);
			expect(replay.json).toEqual(INVALID_TOKEN);
		}
	});

	it('answers 401 to an unknown path without a bearer, 404 with a fresh assertion', async () => {
		expect((await direct.call('GET', '/api/v2/nothing-here', undefined, {token: null})).status).toBe(401);
		const token = await signAssertion(direct.sim, direct.sim, {scope: 'okta.oag.idp.read'});
		expect((await direct.call('GET', '/api/v2/nothing-here', undefined, {token})).status).toBe(404);
	});
});

describe('direct bearer mode with a 405 token endpoint', () => {
	let direct: SimFixture;
	beforeAll(async () => {
		direct = await openSim({directBearerOnly: 405, apps: 1, idps: 1});
	});
	afterAll(async () => direct?.close());

	it('answers 405 E0000022 on the token endpoint, whatever the method', async () => {
		for (const method of ['POST', 'GET']) {
			const reply = await direct.call(method, '/api/v2/oauth/token', undefined, method === 'POST' ? {rawBody: 'grant_type=client_credentials', contentType: 'application/x-www-form-urlencoded'} : {});
			expect(reply.status, method).toBe(405);
			expect(reply.json.errorCode).toBe('E0000022');
		}
	});

	it('takes a fresh signed assertion as the bearer', async () => {
		const token = await signAssertion(direct.sim, direct.sim, {scope: 'okta.oag.idp.read'});
		expect((await direct.call('GET', '/api/v2/idps', undefined, {token})).status).toBe(200);
	});
});

describe('authentication comes before routing', () => {
	const unauthenticated = () => [null, 'not-a-token', 'a.b.c'];

	it('answers 401, not 404, to an unknown path without a valid token', async () => {
		for (const token of unauthenticated()) {
			for (const path of ['/api/v2/nothing-here', '/', '/api/v2/idps/x/y/z']) {
				const reply = await f.call('GET', path, undefined, {token});
				expect(reply.status, `${path} ${token}`).toBe(401);
				expect(reply.json).toEqual(INVALID_TOKEN);
			}
		}
	});

	it('answers 401, not 405, to a wrong method without a valid token', async () => {
		for (const token of unauthenticated()) {
			for (const [method, path] of [['DELETE', '/api/v2/idps'], ['PATCH', `/api/v2/idps/${idpId}/offline-mode`], ['POST', '/api/v2/certificates']] as const) {
				const reply = await f.call(method, path, undefined, {token});
				expect(reply.status, `${method} ${path} ${token}`).toBe(401);
				expect(reply.headers.get('allow')).toBeNull();
			}
		}
	});

	it('keeps 404 and 405 (with Allow) for an authenticated caller', async () => {
		expect((await f.call('GET', '/api/v2/nothing-here')).status).toBe(404);
		const wrongMethod = await f.call('DELETE', '/api/v2/idps');
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.headers.get('allow')).toBe('GET');
	});

	it('leaves the token endpoint open: a wrong method there is 405 without a token', async () => {
		const reply = await f.call('GET', '/api/v2/oauth/token', undefined, {token: null});
		expect(reply.status).toBe(405);
		expect(reply.headers.get('allow')).toBe('POST');
	});
});
