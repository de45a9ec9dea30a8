import {randomUUID} from 'node:crypto';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {importPKCS8, SignJWT} from 'jose';
import {Agent, fetch, type Response} from 'undici';
import {startSimulator} from '../../source/simulator/index.js';
import type {RunningSimulator, SimulatorOptions} from '../../source/simulator/types.js';

// Test helpers for anything that needs a simulated gateway. They talk HTTP directly (undici + jose) and
// never use the API client, so the simulator's tests cannot be fooled by a client bug.

/** A simulator with its files in a fresh temp dir; close() also removes the dir. */
export async function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
	const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'oag-sim-test-')));
	const sim = await startSimulator({...options, dataDir});
	const close = sim.close;
	return {
		...sim,
		close: async () => {
			await close();
			if (!options.dataDir) await rm(dataDir, {recursive: true, force: true});
		},
	};
}

/** An undici dispatcher that trusts the simulator's CA (or a plain one for --http). */
export function dispatcherFor(sim: Pick<RunningSimulator, 'caPem'>): Agent {
	return new Agent({connect: sim.caPem ? {ca: sim.caPem} : {}});
}

/** aud as the gateway expects it: https://host[:port], also when the simulator speaks plain HTTP. */
export function audienceFor(url: string): string {
	const parsed = new URL(url);
	return `https://${parsed.host}`;
}

export type AssertionClaims = {
	iss?: string;
	sub?: string;
	aud?: string | string[];
	iat?: number;
	exp?: number;
	jti?: string;
	scope?: string;
};

/** Header overrides: typ null leaves typ out; kid adds one (both refused by the simulator). */
export type AssertionHeader = {typ?: string | null; kid?: string};

/**
 * Signs a client assertion; every claim can be overridden (a name in `omit` removes it). There is no
 * scope claim unless `overrides.scope` gives one: the gateway needs it equal to the form's scope.
 */
export async function signAssertion(
	sim: Pick<RunningSimulator, 'url'>,
	client: {clientId: string; privateKeyPem: string},
	overrides: AssertionClaims = {},
	options: {alg?: 'RS256' | 'ES256'; omit?: Array<keyof AssertionClaims>; header?: AssertionHeader} = {},
): Promise<string> {
	const alg = options.alg ?? 'RS256';
	const now = Math.floor(Date.now() / 1000);
	const claims: Record<string, unknown> = {
		iss: client.clientId,
		sub: client.clientId,
		aud: audienceFor(sim.url),
		iat: now,
		exp: now + 300,
		jti: randomUUID(),
		...overrides,
	};
	for (const key of options.omit ?? []) delete claims[key];
	const key = await importPKCS8(client.privateKeyPem, alg);
	const typ = options.header?.typ === undefined ? 'JWT' : options.header.typ;
	const kid = options.header?.kid;
	return new SignJWT(claims)
		.setProtectedHeader({alg, ...(typ === null ? {} : {typ}), ...(kid === undefined ? {} : {kid})})
		.sign(key);
}

export async function requestToken(
	sim: RunningSimulator,
	dispatcher: Agent,
	form: Record<string, string>,
): Promise<Response> {
	return fetch(`${sim.url}/api/v2/oauth/token`, {
		method: 'POST',
		headers: {'content-type': 'application/x-www-form-urlencoded'},
		body: new URLSearchParams(form).toString(),
		dispatcher,
	});
}

/** A bearer token for the seeded client (or another registered one) with the given scopes. */
export async function tokenFor(
	sim: RunningSimulator,
	dispatcher: Agent,
	client: {clientId: string; privateKeyPem: string; scopes: readonly string[]} = sim,
	scopes: readonly string[] = client.scopes,
	alg: 'RS256' | 'ES256' = 'RS256',
): Promise<string> {
	const response = await requestToken(sim, dispatcher, {
		grant_type: 'client_credentials',
		client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
		client_assertion: await signAssertion(sim, client, {scope: scopes.join(' ')}, {alg}),
		scope: scopes.join(' '),
	});
	if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
	return ((await response.json()) as {access_token: string}).access_token;
}
