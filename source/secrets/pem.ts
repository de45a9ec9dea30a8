import {createHash, createPrivateKey, createPublicKey, type KeyObject} from 'node:crypto';
import {SecretStoreError} from './labels.js';

export type CheckedKey = {pem: string; type: 'RSA' | 'EC'; fingerprint: string};

const PKCS8_BEGIN = '-----BEGIN PRIVATE KEY-----';

/**
 * Accepts only what OAG issues: an unencrypted PKCS#8 RSA or EC key. Everything else gets a message saying
 * how to convert it; the message never quotes the input.
 */
export function checkPrivateKeyPem(input: string): CheckedKey {
	const pem = input.replace(/\r\n/g, '\n').trim() + '\n';
	if (pem.includes('-----BEGIN RSA PRIVATE KEY-----') || pem.includes('-----BEGIN EC PRIVATE KEY-----')) {
		throw new SecretStoreError(
			'this is a PKCS#1/SEC1 key, not PKCS#8; convert it: openssl pkcs8 -topk8 -nocrypt -in OLD.pem -out key.pem',
			'invalid',
		);
	}
	if (pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----')) {
		throw new SecretStoreError(
			'this PKCS#8 key is passphrase-protected; decrypt it: openssl pkcs8 -in OLD.pem -out key.pem',
			'invalid',
		);
	}
	if (pem.includes('PUBLIC KEY-----') || pem.includes('CERTIFICATE-----')) {
		throw new SecretStoreError('this is a public key or certificate; login needs the private key OAG showed once', 'invalid');
	}
	if (!pem.startsWith(PKCS8_BEGIN)) {
		throw new SecretStoreError(`not a PEM private key: expected a "${PKCS8_BEGIN}" block (PKCS#8)`, 'invalid');
	}
	let key: KeyObject;
	try {
		key = createPrivateKey({key: pem, format: 'pem'});
	} catch {
		throw new SecretStoreError('the PKCS#8 block could not be read (truncated or damaged copy?)', 'invalid');
	}
	const kind = key.asymmetricKeyType;
	if (kind !== 'rsa' && kind !== 'ec') {
		throw new SecretStoreError(`unsupported key type ${kind ?? 'unknown'}: OAG signs with RSA (RS256) or EC (ES256)`, 'invalid');
	}
	return {pem, type: kind === 'rsa' ? 'RSA' : 'EC', fingerprint: publicKeyFingerprint(key)};
}

/** SHA-256 over the public key's SPKI DER, as colon-separated hex pairs (like ssh-keygen -E sha256, in hex). */
export function publicKeyFingerprint(privateKey: KeyObject): string {
	const spki = createPublicKey(privateKey).export({type: 'spki', format: 'der'});
	const hex = createHash('sha256').update(spki).digest('hex');
	return `SHA256:${hex.match(/../g)!.join(':')}`;
}
