import {createHash, createPublicKey, generateKeyPairSync} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {checkPrivateKeyPem} from '../../source/secrets/pem.js';

const rsa = generateKeyPairSync('rsa', {modulusLength: 2048});
const ec = generateKeyPairSync('ec', {namedCurve: 'P-256'});
const pkcs8 = (key: typeof rsa.privateKey): string => key.export({type: 'pkcs8', format: 'pem'}).toString();
const bodyLine = (pem: string): string => pem.split('\n')[1]!;

describe('checkPrivateKeyPem', () => {
	it('accepts PKCS#8 RSA and EC, with CRLF line ends and surrounding space', () => {
		expect(checkPrivateKeyPem(pkcs8(rsa.privateKey)).type).toBe('RSA');
		expect(checkPrivateKeyPem(`\n  ${pkcs8(ec.privateKey).replace(/\n/g, '\r\n')}  `).type).toBe('EC');
	});

	it('fingerprints the public key: SHA-256 of the SPKI DER in hex pairs', () => {
		const spki = createPublicKey(rsa.privateKey).export({type: 'spki', format: 'der'});
		const hex = createHash('sha256').update(spki).digest('hex');
		const {fingerprint} = checkPrivateKeyPem(pkcs8(rsa.privateKey));
		expect(fingerprint.replace(/^SHA256:/, '').replace(/:/g, '')).toBe(hex);
		expect(fingerprint).toMatch(/^SHA256:([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
	});

	const refused: Array<[string, string, RegExp]> = [
		['PKCS#1 RSA', rsa.privateKey.export({type: 'pkcs1', format: 'pem'}).toString(), /openssl pkcs8 -topk8 -nocrypt/],
		['SEC1 EC', ec.privateKey.export({type: 'sec1', format: 'pem'}).toString(), /openssl pkcs8 -topk8/],
		['a public key', rsa.publicKey.export({type: 'spki', format: 'pem'}).toString(), /public key/],
		[
			'an encrypted PKCS#8 key',
			rsa.privateKey.export({type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw'}).toString(),
			/passphrase-protected/,
		],
		['garbage', 'hello', /PKCS#8/],
		['a damaged block', pkcs8(rsa.privateKey).replace(/\n[A-Za-z0-9+/]{64}\n/, '\n'), /could not be read/],
	];
	for (const [what, input, message] of refused) {
		it(`refuses ${what} with a how-to, never quoting the input`, () => {
			let error: unknown;
			try {
				checkPrivateKeyPem(input);
			} catch (caught) {
				error = caught;
			}
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toMatch(message);
			if (input.includes('\n')) expect((error as Error).message).not.toContain(bodyLine(input));
		});
	}

	it('refuses Ed25519 (OAG signs RS256/ES256)', () => {
		const ed = generateKeyPairSync('ed25519');
		expect(() => checkPrivateKeyPem(pkcs8(ed.privateKey))).toThrow(/unsupported key type ed25519/);
	});
});
