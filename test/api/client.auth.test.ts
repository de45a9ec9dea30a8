import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {AuthMode} from '../../source/api/clientOptions.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {clientFor} from './support/clientFor.js';

// Token exchange, caching, renewal, the 401 renew-and-retry, direct-bearer fallback, key types and the
// authorisation errors, against the simulator's real JWT verification.

let sim: RunningSimulator;

beforeAll(async () => {
	sim = await startTestSimulator({apps: 3, idps: 1});
});
afterAll(async () => {
	await sim?.close();
});

describe('token handling', () => {
	it('mints once for 50 concurrent calls', async () => {
		const client = clientFor(sim);
		sim.control.resetCounters();
		await Promise.all(Array.from({length: 50}, () => client.apps.list()));
		expect(sim.control.counters().tokensMinted).toBe(1);
		expect(client.authState()).toMatchObject({mode: 'token', mints: 1});
		expect(client.authState().tokenExpiresAt).toBeGreaterThan(Date.now());
		await client.close();
	});

	it('renews only when the token comes within 30 s of expiry', async () => {
		const shortLived = await startTestSimulator({apps: 1, idps: 1, tokenTtlSeconds: 35});
		try {
			const client = clientFor(shortLived);
			await client.idps.list();
			await client.idps.list();
			expect(shortLived.control.counters().tokensMinted).toBe(1);
			// 35 s tokens renew 30 s early, so after 5 s.
			await new Promise((resolve) => setTimeout(resolve, 3000));
			await client.idps.list();
			expect(shortLived.control.counters().tokensMinted).toBe(1);
			await new Promise((resolve) => setTimeout(resolve, 2300));
			await client.idps.list();
			await client.idps.list();
			expect(shortLived.control.counters().tokensMinted).toBe(2);
			await client.close();
		} finally {
			await shortLived.close();
		}
	});

	it('a 401 after the gateway revokes tokens renews once and retries once', async () => {
		const client = clientFor(sim);
		await client.certificates.list();
		sim.control.resetCounters();
		sim.control.expireTokens();
		await Promise.all(Array.from({length: 10}, () => client.certificates.list()));
		const counters = sim.control.counters();
		expect(counters.tokensMinted).toBe(1);
		expect(counters.byRoute['GET /api/v2/certificates']).toBe(20);
		await client.close();
	});

	it('signs with ES256 for an EC key', async () => {
		const ecClient = await sim.control.addClient(['okta.oag.app.read'], 'ES256');
		const client = clientFor({...sim, ...ecClient}, {scopes: ['okta.oag.app.read']});
		expect((await client.apps.list()).length).toBe(3);
		await client.close();
	});

	it('takes the key from a function, once', async () => {
		let calls = 0;
		const client = clientFor(sim, {
			privateKey: async () => {
				calls++;
				return sim.privateKeyPem;
			},
		});
		expect(calls).toBe(0);
		await Promise.all([client.apps.list(), client.idps.list()]);
		sim.control.expireTokens();
		await client.apps.list();
		expect(calls).toBe(1);
		await client.close();
	});
});

describe('direct bearer', () => {
	it('falls back when the token endpoint is missing, and reports the mode', async () => {
		const direct = await startTestSimulator({apps: 2, idps: 1, directBearerOnly: true});
		try {
			const detected: AuthMode[] = [];
			const client = clientFor(direct, {onAuthModeDetected: (mode) => detected.push(mode)});
			const [apps, idps] = await Promise.all([client.apps.list(), client.idps.list()]);
			expect(apps).toHaveLength(2);
			expect(idps).toHaveLength(1);
			await client.certificates.list();
			expect(detected).toEqual(['direct-bearer']);
			expect(client.authState()).toEqual({mode: 'direct-bearer', mints: 0});
			expect(direct.control.counters().byRoute['POST /api/v2/oauth/token']).toBe(1);
			await client.close();

			// A profile that remembers the mode never asks the token endpoint.
			const remembered = clientFor(direct, {authMode: 'direct-bearer'});
			direct.control.resetCounters();
			await remembered.apps.list();
			expect(direct.control.counters().byRoute['POST /api/v2/oauth/token']).toBeUndefined();
			await remembered.close();
		} finally {
			await direct.close();
		}
	});
});

describe('authorisation errors', () => {
	it('a missing scope is named, with how to enable it', async () => {
		const limited = await sim.control.addClient(['okta.oag.app.read', 'okta.oag.cert.read']);
		const client = clientFor({...sim, ...limited}, {scopes: limited.scopes});
		expect((await client.apps.list()).length).toBe(3);
		const error = (await client.idps.list().catch((e: unknown) => e)) as Error;
		expect(error).toMatchObject({kind: 'missing-scope', details: {status: 403, scope: 'okta.oag.idp.read'}});
		expect(error.message).toBe(
			'Missing scope okta.oag.idp.read. Enable it for the API client in the OAG admin UI (Settings > Access Gateway > API); changing scopes means re-enabling the API, which issues a new key.',
		);
		const write = await client.apps.setState((await client.apps.list())[0]!.id, 'TEST').catch((e: unknown) => e);
		expect(write).toMatchObject({kind: 'missing-scope', details: {scope: 'okta.oag.app.manage'}});
		await client.close();
	});

	it('asking for a scope the client was not granted is missing-scope at the token endpoint', async () => {
		const limited = await sim.control.addClient(['okta.oag.app.read']);
		const client = clientFor({...sim, ...limited});
		await expect(client.apps.list()).rejects.toMatchObject({kind: 'missing-scope', details: {scope: expect.stringMatching(/^okta\.oag\./)}});
		await client.close();
	});

	it('a wrong client id is unauthorized with a one-line hint', async () => {
		const client = clientFor({...sim, clientId: '00000000-0000-4000-8000-000000000000'});
		const error = (await client.apps.list().catch((e: unknown) => e)) as Error;
		expect(error).toMatchObject({kind: 'unauthorized', details: {status: 401}});
		expect(error.message).toMatch(/^The gateway refused the client assertion: .+\. Check the client id, the key and the host name \(the JWT audience is https:\/\/127\.0\.0\.1:\d+\)\.$/);
		expect(error.message).not.toContain('\n');
		await client.close();
	});

	it("another client's key is unauthorized and the key never reaches the message", async () => {
		const other = await sim.control.addClient(['okta.oag.app.read']);
		const client = clientFor({...sim, privateKeyPem: other.privateKeyPem});
		const error = (await client.apps.list().catch((e: unknown) => e)) as Error;
		expect(error).toMatchObject({kind: 'unauthorized'});
		expect(error.message).not.toMatch(/BEGIN|MII/);
		await client.close();
	});

	it('a garbage key fails with the fixed key message, before any request', async () => {
		const client = clientFor({...sim, privateKeyPem: '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----'});
		sim.control.resetCounters();
		await expect(client.apps.list()).rejects.toThrow('The private key is not a PKCS#8 RSA or EC key');
		expect(sim.control.counters().requests).toBe(0);
		await client.close();
	});
});
