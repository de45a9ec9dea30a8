import {generateKeyPairSync, randomUUID} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {TokenResponse} from '../../source/api/schemas/common.js';
import {requestToken, signAssertion, tokenFor} from '../helpers/simulator.js';
import {openSim, type SimFixture} from './support.js';

// POST /api/v2/oauth/token: a good assertion gets a token; every bad claim, key or scope is a 401.

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const ALL = 'okta.oag.idp.manage okta.oag.app.manage';
const now = () => Math.floor(Date.now() / 1000);

let f: SimFixture;
beforeAll(async () => {
	f = await openSim();
});
afterAll(async () => f?.close());

async function exchange(assertion: string, scope = ALL) {
	const response = await requestToken(f.sim, f.dispatcher, {
		grant_type: 'client_credentials',
		client_assertion_type: ASSERTION_TYPE,
		client_assertion: assertion,
		scope,
	});
	const text = await response.text();
	return {status: response.status, text, json: JSON.parse(text) as Record<string, unknown>};
}

describe('token endpoint', () => {
	it('exchanges a valid assertion for an opaque bearer token', async () => {
		const before = f.sim.control.counters().tokensMinted;
		const reply = await exchange(await signAssertion(f.sim, f.sim, {scope: ALL}));
		expect(reply.status).toBe(200);
		const body = TokenResponse.parse(reply.json);
		expect(body).toMatchObject({token_type: 'Bearer', expires_in: 300, scope: ALL});
		expect(body.access_token.split('.')).toHaveLength(1);
		expect(f.sim.control.counters().tokensMinted).toBe(before + 1);
	});

	it('accepts the longest lifetime, exp - iat = 300', async () => {
		const iat = now();
		expect((await exchange(await signAssertion(f.sim, f.sim, {scope: ALL, iat, exp: iat + 300}))).status).toBe(200);
	});

	it('accepts an ES256 client with a P-256 key', async () => {
		const client = await f.sim.control.addClient(['okta.oag.cert.read'], 'ES256');
		await expect(tokenFor(f.sim, f.dispatcher, client, client.scopes, 'ES256')).resolves.toMatch(/.{20,}/);
	});

	// Each signs a scope claim equal to the form's, so only the named defect is wrong.
	const sign: typeof signAssertion = (sim, client, overrides = {}, options) => signAssertion(sim, client, {scope: ALL, ...overrides}, options);
	const refusals: Array<[string, () => Promise<string>, RegExp]> = [
		['a wrong aud (port missing)', () => sign(f.sim, f.sim, {aud: 'https://127.0.0.1'}), /aud must be https:\/\/127\.0\.0\.1:\d+/],
		['an http aud', () => sign(f.sim, f.sim, {aud: f.sim.url.replace('https:', 'http:')}), /aud/],
		['a wrong iss (unknown client)', () => sign(f.sim, f.sim, {iss: randomUUID()}), /Unknown client/],
		['iss different from sub', () => sign(f.sim, f.sim, {sub: randomUUID()}), /sub must equal iss/],
		['an expired exp', () => sign(f.sim, f.sim, {iat: now() - 200, exp: now() - 10}), /expired/],
		['an iat in the future', () => sign(f.sim, f.sim, {iat: now() + 120, exp: now() + 180}), /future/],
		['an iat too old', () => sign(f.sim, f.sim, {iat: now() - 400, exp: now() + 10}), /too old/],
		['a lifetime over 300 s', () => sign(f.sim, f.sim, {iat: now(), exp: now() + 301}), /lifetime/],
		['no jti', () => sign(f.sim, f.sim, {}, {omit: ['jti']}), /jti/],
		[
			'a signature by another key',
			() => {
				const other = generateKeyPairSync('rsa', {modulusLength: 2048});
				const privateKeyPem = other.privateKey.export({type: 'pkcs8', format: 'pem'}).toString();
				return sign(f.sim, {clientId: f.sim.clientId, privateKeyPem});
			},
			/signature/,
		],
		['a malformed JWT', async () => 'not.a.jwt', /well-formed/],
		['a header without typ', () => sign(f.sim, f.sim, {}, {header: {typ: null}}), /typ JWT/],
		['a header typ other than JWT', () => sign(f.sim, f.sim, {}, {header: {typ: 'at+jwt'}}), /typ JWT/],
		['a header typ in lower case', () => sign(f.sim, f.sim, {}, {header: {typ: 'jwt'}}), /typ JWT/],
		['a header with a kid', () => sign(f.sim, f.sim, {}, {header: {kid: 'key-1'}}), /must not carry a kid/],
		['no scope claim', () => signAssertion(f.sim, f.sim), /no scope claim/],
		['a scope claim that is not a string', () => sign(f.sim, f.sim, {scope: ALL.split(' ') as unknown as string}), /scope claim must be a space-separated string/],
	];
	it.each(refusals)('refuses %s with 401', async (_label, make, reason) => {
		const assertion = await make();
		const reply = await exchange(assertion);
		expect(reply.status).toBe(401);
		expect(reply.json.errorCode).toBe('invalid_client');
		expect(String(reply.json.errorSummary)).toMatch(reason);
		expect(reply.text).not.toContain(assertion);
	});

	it('refuses an unknown scope with 401', async () => {
		const scope = 'okta.oag.idp.manage okta.oag.everything';
		const reply = await exchange(await signAssertion(f.sim, f.sim, {scope}), scope);
		expect(reply.status).toBe(401);
		expect(reply.json).toMatchObject({errorCode: 'invalid_scope', errorSummary: 'Unknown scope: okta.oag.everything.'});
	});

	it('refuses a scope that was not granted to the client with 401', async () => {
		const client = await f.sim.control.addClient(['okta.oag.idp.read']);
		const scope = 'okta.oag.idp.read okta.oag.app.manage';
		const reply = await exchange(await signAssertion(f.sim, client, {scope}), scope);
		expect(reply.status).toBe(401);
		expect(String(reply.json.errorSummary)).toContain('okta.oag.app.manage was not granted');
	});

	it('refuses an assertion whose scope claim asks for more than granted', async () => {
		const client = await f.sim.control.addClient(['okta.oag.idp.read']);
		const reply = await exchange(await signAssertion(f.sim, client, {scope: 'okta.oag.cert.read'}), 'okta.oag.idp.read');
		expect(reply.status).toBe(401);
	});

	it('refuses a key type that does not match the client (RS256 claimed for an EC client)', async () => {
		const ec = await f.sim.control.addClient(['okta.oag.idp.read'], 'ES256');
		const reply = await exchange(await signAssertion(f.sim, {clientId: ec.clientId, privateKeyPem: f.sim.privateKeyPem}, {scope: 'okta.oag.idp.read'}), 'okta.oag.idp.read');
		expect(reply.status).toBe(401);
		expect(String(reply.json.errorSummary)).toContain('ES256');
	});

	it('refuses a scope claim that differs from the form scope (subset, superset, other scope)', async () => {
		for (const claim of ['okta.oag.idp.manage', `${ALL} okta.oag.cert.read`, 'okta.oag.idp.manage okta.oag.app.read']) {
			const assertion = await signAssertion(f.sim, f.sim, {scope: claim});
			const reply = await exchange(assertion);
			expect(reply.status, claim).toBe(401);
			expect(reply.json.errorCode).toBe('invalid_scope');
			expect(String(reply.json.errorSummary)).toMatch(/same scopes as the scope form field/);
			expect(reply.text).not.toContain(assertion);
		}
	});

	it('accepts a scope claim naming the same set as the form in another order, with repeats', async () => {
		const reply = await exchange(await signAssertion(f.sim, f.sim, {scope: 'okta.oag.app.manage okta.oag.idp.manage okta.oag.app.manage'}));
		expect(reply.status).toBe(200);
		expect(reply.json.scope).toBe(ALL);
	});

	it('refuses a replayed assertion', async () => {
		const assertion = await signAssertion(f.sim, f.sim, {scope: ALL});
		expect((await exchange(assertion)).status).toBe(200);
		const replay = await exchange(assertion);
		expect(replay.status).toBe(401);
		expect(String(replay.json.errorSummary)).toContain('already used');
	});

	it('answers 400 to a malformed form: bad grant type, extra field, JSON body', async () => {
		const assertion = await signAssertion(f.sim, f.sim, {scope: ALL});
		const badGrant = await requestToken(f.sim, f.dispatcher, {grant_type: 'password', client_assertion_type: ASSERTION_TYPE, client_assertion: assertion, scope: ALL});
		expect(badGrant.status).toBe(400);
		expect(((await badGrant.json()) as {errorCauses: Array<{field: string}>}).errorCauses[0]?.field).toBe('grant_type');
		const extra = await requestToken(f.sim, f.dispatcher, {grant_type: 'client_credentials', client_assertion_type: ASSERTION_TYPE, client_assertion: assertion, scope: ALL, client_secret: 'x'});
		expect(extra.status).toBe(400);
		const {fetch} = await import('undici');
		const json = await fetch(`${f.sim.url}/api/v2/oauth/token`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({grant_type: 'client_credentials'}),
			dispatcher: f.dispatcher,
		});
		expect(json.status).toBe(400);
		const get = await fetch(`${f.sim.url}/api/v2/oauth/token`, {dispatcher: f.dispatcher});
		expect(get.status).toBe(405);
	});

	it('serves ::1 with a certificate for it, and aud https://[::1]:port', async () => {
		const v6 = await openSim({host: '::1', apps: 1});
		try {
			expect(v6.sim.url).toMatch(/^https:\/\/\[::1\]:\d+$/);
			expect((await v6.call('GET', '/api/v2/apps')).status).toBe(200);
		} finally {
			await v6.close();
		}
	});
});
