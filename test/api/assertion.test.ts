import {generateKeyPairSync} from 'node:crypto';
import {compactVerify, decodeJwt, decodeProtectedHeader, importSPKI} from 'jose';
import {describe, expect, it} from 'vitest';
import {importSigningKey, signClientAssertion} from '../../source/api/auth/assertion.js';
import {lazySigningKey} from '../../source/api/auth/signingKeySource.js';

function keyPair(type: 'rsa' | 'ec' | 'ed25519') {
	const pair =
		type === 'rsa'
			? generateKeyPairSync('rsa', {modulusLength: 2048})
			: type === 'ec'
				? generateKeyPairSync('ec', {namedCurve: 'P-256'})
				: generateKeyPairSync('ed25519');
	return {
		privatePem: pair.privateKey.export({type: 'pkcs8', format: 'pem'}).toString(),
		publicPem: pair.publicKey.export({type: 'spki', format: 'pem'}).toString(),
		pkcs1Pem: type === 'rsa' ? pair.privateKey.export({type: 'pkcs1', format: 'pem'}).toString() : '',
	};
}

const rsa = keyPair('rsa');
const ec = keyPair('ec');
const claims = {clientId: 'client-1', audience: 'https://oag.example.com:8443', scopes: ['okta.oag.idp.read', 'okta.oag.app.read']};

describe('client assertion', () => {
	it.each([
		['RSA', rsa, 'RS256'],
		['EC P-256', ec, 'ES256'],
	] as const)('%s key signs %s with the documented header and claims', async (_name, pair, alg) => {
		const signingKey = await importSigningKey(pair.privatePem);
		expect(signingKey.alg).toBe(alg);
		const jwt = await signClientAssertion(signingKey, {...claims, nowSeconds: 1_800_000_000});
		expect(decodeProtectedHeader(jwt)).toEqual({alg, typ: 'JWT'});
		const payload = decodeJwt(jwt);
		expect(payload).toMatchObject({
			iss: 'client-1',
			sub: 'client-1',
			aud: 'https://oag.example.com:8443',
			iat: 1_800_000_000,
			exp: 1_800_000_300,
			scope: 'okta.oag.idp.read okta.oag.app.read',
		});
		expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
		await expect(compactVerify(jwt, await importSPKI(pair.publicPem, alg))).resolves.toBeTruthy();
	});

	it('never lives longer than 300 s and gets a new jti every time', async () => {
		const signingKey = await importSigningKey(ec.privatePem);
		const a = decodeJwt(await signClientAssertion(signingKey, {...claims, lifetimeSeconds: 3600}));
		const b = decodeJwt(await signClientAssertion(signingKey, claims));
		expect((a.exp ?? 0) - (a.iat ?? 0)).toBe(300);
		expect(Math.abs((a.iat ?? 0) - Date.now() / 1000)).toBeLessThan(5);
		expect(a.jti).not.toBe(b.jti);
	});

	it.each([
		['garbage', 'not a key'],
		['a PKCS#1 RSA key', rsa.pkcs1Pem],
		['a public key', rsa.publicPem],
		['an Ed25519 key', keyPair('ed25519').privatePem],
		['a truncated key', rsa.privatePem.slice(0, 200) + '\n-----END PRIVATE KEY-----'],
	])('refuses %s with one fixed message that does not echo the PEM', async (_name, pem) => {
		const error = (await importSigningKey(pem).then(
			() => new Error("imported"),
			(e: unknown) => e,
		)) as Error;
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toBe('The private key is not a PKCS#8 RSA or EC key');
		expect(error.cause).toBeUndefined();
		expect(String(error.stack)).not.toContain('MII');
	});
});

describe('lazySigningKey', () => {
	it('calls the key source once, lazily, and caches the key', async () => {
		let calls = 0;
		const load = lazySigningKey(async () => {
			calls++;
			return ec.privatePem;
		});
		expect(calls).toBe(0);
		const [a, b] = await Promise.all([load(), load()]);
		await load();
		expect(calls).toBe(1);
		expect(a).toBe(b);
	});

	it('asks a failing source again later, but caches a bad key', async () => {
		let calls = 0;
		const flaky = lazySigningKey(async () => {
			calls++;
			if (calls === 1) throw new Error('keychain locked');
			return rsa.privatePem;
		});
		await expect(flaky()).rejects.toThrow('keychain locked');
		await expect(flaky()).resolves.toMatchObject({alg: 'RS256'});
		expect(calls).toBe(2);

		let badCalls = 0;
		const bad = lazySigningKey(async () => {
			badCalls++;
			return 'junk';
		});
		await expect(bad()).rejects.toThrow(/PKCS#8/);
		await expect(bad()).rejects.toThrow(/PKCS#8/);
		expect(badCalls).toBe(1);
	});
});
