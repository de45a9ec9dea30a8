import {compactVerify, decodeJwt, decodeProtectedHeader} from 'jose';
import {SCOPES, type Scope} from '../api/schemas/scopes.js';
import type {ClientRecord, ClientRegistry} from './clients.js';

// Verifies a client-assertion JWT the way oag-api.md part A says the gateway does. Every refusal comes
// with a reason a developer can act on; reasons never echo the token itself.

export const CLOCK_SKEW_SECONDS = 30;
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;

export type VerifiedAssertion = {client: ClientRecord; claims: Record<string, unknown>; jti: string; exp: number; scope: string};
export type AssertionResult = {ok: true; value: VerifiedAssertion} | {ok: false; reason: string};

const refuse = (reason: string): AssertionResult => ({ok: false, reason});

/** `https://host` plus `:port` unless it is 443, from the Host header the request came with. */
export function expectedAudience(hostHeader: string | undefined): string | undefined {
	if (!hostHeader) return undefined;
	const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim());
	if (!match) return undefined;
	const [, host, port] = match;
	return port && port !== '443' ? `https://${host}:${port}` : `https://${host}`;
}

function audienceMatches(aud: unknown, expected: string): boolean {
	if (typeof aud === 'string') return aud === expected;
	return Array.isArray(aud) && aud.length === 1 && aud[0] === expected;
}

export async function verifyClientAssertion(
	jwt: string,
	clients: ClientRegistry,
	audience: string | undefined,
	nowSeconds: number,
): Promise<AssertionResult> {
	let header: ReturnType<typeof decodeProtectedHeader>;
	let unverified: Record<string, unknown>;
	try {
		header = decodeProtectedHeader(jwt);
		unverified = decodeJwt(jwt);
	} catch {
		return refuse('The client assertion is not a well-formed JWT.');
	}
	// Part A: the header is exactly {alg, typ: JWT}. A kid would mean the client expects key lookup
	// the gateway does not do, so it is refused rather than ignored.
	if (header.typ !== 'JWT') return refuse('The client assertion header must have typ JWT.');
	if ('kid' in header) return refuse('The client assertion header must not carry a kid (the gateway has one key per client).');
	const iss = unverified.iss;
	if (typeof iss !== 'string') return refuse('The client assertion has no iss claim.');
	const client = clients.find(iss);
	if (!client) return refuse('Unknown client: iss is not a registered client id.');
	if (header.alg !== client.alg) return refuse(`The client assertion must be signed with ${client.alg} for this client.`);

	let claims: Record<string, unknown>;
	try {
		const verified = await compactVerify(jwt, client.publicKey, {algorithms: [client.alg]});
		claims = JSON.parse(new TextDecoder().decode(verified.payload)) as Record<string, unknown>;
	} catch {
		return refuse('The client assertion signature does not verify with the registered key.');
	}

	if (claims.sub !== iss) return refuse('The client assertion sub must equal iss (the client id).');
	if (!audience) return refuse('The request has no Host header to check aud against.');
	if (!audienceMatches(claims.aud, audience)) return refuse(`The client assertion aud must be ${audience}.`);
	const {iat, exp, jti} = claims;
	if (typeof iat !== 'number' || !Number.isFinite(iat)) return refuse('The client assertion has no numeric iat claim.');
	if (typeof exp !== 'number' || !Number.isFinite(exp)) return refuse('The client assertion has no numeric exp claim.');
	if (iat > nowSeconds + CLOCK_SKEW_SECONDS) return refuse('The client assertion iat is in the future (check the clock).');
	if (iat < nowSeconds - MAX_ASSERTION_LIFETIME_SECONDS) return refuse('The client assertion iat is too old.');
	if (exp <= nowSeconds) return refuse('The client assertion has expired (exp).');
	if (exp - iat > MAX_ASSERTION_LIFETIME_SECONDS) {
		return refuse(`The client assertion lifetime exp - iat exceeds ${MAX_ASSERTION_LIFETIME_SECONDS} seconds.`);
	}
	if (typeof jti !== 'string' || jti === '') return refuse('The client assertion has no jti claim.');
	const {scope} = claims;
	if (scope === undefined) return refuse('The client assertion has no scope claim (the space-separated scopes requested).');
	if (typeof scope !== 'string') return refuse('The client assertion scope claim must be a space-separated string.');
	return {ok: true, value: {client, claims, jti, exp, scope}};
}

/**
 * Splits a space-separated scope string and checks it against what the client was granted.
 * Returns the scopes, or the first one that is unknown or not granted.
 */
export function grantedScopes(
	requested: string,
	client: ClientRecord,
): {ok: true; scopes: Scope[]} | {ok: false; reason: string} {
	const names = requested.split(' ').filter(name => name !== '');
	if (names.length === 0) return {ok: false, reason: 'No scope was requested.'};
	for (const name of names) {
		if (!(SCOPES as readonly string[]).includes(name)) return {ok: false, reason: `Unknown scope: ${name}.`};
		if (!client.scopes.includes(name as Scope)) {
			return {ok: false, reason: `The scope ${name} was not granted to this client.`};
		}
	}
	return {ok: true, scopes: [...new Set(names)] as Scope[]};
}

/** True when two space-separated scope strings name the same set of scopes (order and repeats aside). */
export function sameScopeSet(a: string, b: string): boolean {
	const setOf = (value: string) => new Set(value.split(' ').filter(name => name !== ''));
	const left = setOf(a);
	const right = setOf(b);
	return left.size === right.size && [...left].every(name => right.has(name));
}
