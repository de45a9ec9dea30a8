import {createPrivateKey, randomUUID} from 'node:crypto';
import {importPKCS8, SignJWT, type CryptoKey} from 'jose';

// The client assertion of oag-api.md 2.2 / part A: header {alg, typ: JWT} without kid,
// iss = sub = client id, aud = https://host[:port], a lifetime of at most 300 s, a random jti.

export type SigningAlg = 'RS256' | 'ES256' | 'ES384' | 'ES512';
export type SigningKey = {key: CryptoKey; alg: SigningAlg};

/** The gateway (and the simulator) refuse assertions that live longer than this. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;

const BAD_KEY_MESSAGE = 'The private key is not a PKCS#8 RSA or EC key';

const EC_CURVE_ALGS: Record<string, SigningAlg> = {
	prime256v1: 'ES256',
	secp384r1: 'ES384',
	secp521r1: 'ES512',
};

/** RS256 for RSA, ES256 for a P-256 key (what OAG issues); larger curves get their matching alg. */
function detectAlg(pem: string): SigningAlg {
	const keyObject = createPrivateKey({key: pem, format: 'pem'});
	if (keyObject.asymmetricKeyType === 'rsa') return 'RS256';
	if (keyObject.asymmetricKeyType === 'ec') {
		const alg = EC_CURVE_ALGS[keyObject.asymmetricKeyDetails?.namedCurve ?? ''];
		if (alg) return alg;
	}
	throw new Error('unsupported key type');
}

/**
 * Imports the PKCS#8 PEM. Failures become one fixed message: the PEM, or parser output quoting it,
 * must never reach an error message or a log.
 */
export async function importSigningKey(pem: string): Promise<SigningKey> {
	if (!/-----BEGIN PRIVATE KEY-----/.test(pem)) throw new Error(BAD_KEY_MESSAGE);
	try {
		const alg = detectAlg(pem);
		const key = await importPKCS8(pem, alg);
		return {key, alg};
	} catch {
		throw new Error(BAD_KEY_MESSAGE);
	}
}

export type AssertionClaims = {
	clientId: string;
	audience: string;
	scopes: readonly string[];
	/** Seconds since the epoch; injectable for tests. */
	nowSeconds?: number;
	/** Lifetime in seconds, clamped to MAX_ASSERTION_LIFETIME_SECONDS. */
	lifetimeSeconds?: number;
};

export async function signClientAssertion(signingKey: SigningKey, claims: AssertionClaims): Promise<string> {
	const iat = claims.nowSeconds ?? Math.floor(Date.now() / 1000);
	const lifetime = Math.min(claims.lifetimeSeconds ?? MAX_ASSERTION_LIFETIME_SECONDS, MAX_ASSERTION_LIFETIME_SECONDS);
	return new SignJWT({scope: claims.scopes.join(' ')})
		.setProtectedHeader({alg: signingKey.alg, typ: 'JWT'})
		.setIssuer(claims.clientId)
		.setSubject(claims.clientId)
		.setAudience(claims.audience)
		.setIssuedAt(iat)
		.setExpirationTime(iat + lifetime)
		.setJti(randomUUID())
		.sign(signingKey.key);
}
