import {createHash, createPrivateKey, createPublicKey, type KeyObject} from 'node:crypto';
import {SecretStoreError} from './labels.js';

export type CheckedKey = {pem: string; type: 'RSA' | 'EC'; fingerprint: string};

const PKCS8_BEGIN = '-----BEGIN PRIVATE KEY-----';

/**
 * Accepts only what OAG issues: an unencrypted PKCS#8 RSA or EC key. Everything else gets a message saying
 * how to convert it; the message never quotes the input.
 */
/** RSA keys under this many bits are refused: NIST deprecated them in 2013 and OAG issues 2048 or more. */
export const MIN_RSA_BITS = 2048;

export function checkPrivateKeyPem(input: string): CheckedKey {
	const pem = withoutAttributePreamble(input.replace(/\r\n/g, '\n')).trim() + '\n';
	const keyBlocks = pem.match(/-----BEGIN [A-Z ]*PRIVATE KEY-----/g)?.length ?? 0;
	if (keyBlocks > 1) {
		throw new SecretStoreError(`this holds ${keyBlocks} private keys; give a file with only the API client's key`, 'invalid');
	}
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
	const bits = key.asymmetricKeyDetails?.modulusLength;
	if (kind === 'rsa' && (bits === undefined || bits < MIN_RSA_BITS)) {
		throw new SecretStoreError(`this RSA key has ${bits ?? 'an unknown number of'} bits; at least ${MIN_RSA_BITS} are required`, 'invalid');
	}
	return {pem, type: kind === 'rsa' ? 'RSA' : 'EC', fingerprint: publicKeyFingerprint(key)};
}

/**
 * `openssl pkcs12 -nodes` writes "Bag Attributes" / "Key Attributes" lines before the PEM block. Those lines
 * (and their indented continuations) are dropped; any other text before the block is left for the checks.
 */
function withoutAttributePreamble(text: string): string {
	const begin = text.indexOf('-----BEGIN');
	if (begin <= 0) return text;
	const preamble = text.slice(0, begin).split('\n').filter((line) => line.trim() !== '');
	const attributes = preamble.every((line) => /^(Bag|Key) Attributes\b/.test(line) || /^\s+\S/.test(line));
	return attributes ? text.slice(begin) : text;
}

/** SHA-256 over the public key's SPKI DER, as colon-separated hex pairs (like ssh-keygen -E sha256, in hex). */
export function publicKeyFingerprint(privateKey: KeyObject): string {
	const spki = createPublicKey(privateKey).export({type: 'spki', format: 'der'});
	const hex = createHash('sha256').update(spki).digest('hex');
	return `SHA256:${hex.match(/../g)!.join(':')}`;
}
