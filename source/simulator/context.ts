import type {IncomingMessage} from 'node:http';
import type {ScopeRequirement} from '../api/schemas/scopes.js';
import type {ClientRegistry} from './clients.js';
import type {Counters} from './counters.js';
import type {FaultInjector} from './faults.js';
import type {HealthMonitor} from './health.js';
import type {Reply} from './http.js';
import type {Prng} from './prng.js';
import type {GatewayState} from './state.js';
import type {TokenStore} from './tokens.js';

// What a route handler gets: the simulator's parts and the matched request.

export type Simulator = {
	state: GatewayState;
	clients: ClientRegistry;
	tokens: TokenStore;
	/** Ids for objects created at run time (deterministic from the seed). */
	ids: Prng;
	health: HealthMonitor;
	faults: FaultInjector;
	counters: Counters;
	tokenTtlSeconds: number;
	/** false: the token endpoint works. 404 or 405: what it answers instead (direct-bearer mode). */
	directBearerOnly: false | 404 | 405;
	/** Extra CA (PEM) for ldaps directories in test-directory-connection. */
	ldapCaPem?: string;
};

export type RouteContext = {
	sim: Simulator;
	req: IncomingMessage;
	params: Record<string, string>;
	nowMs: number;
	/** The parsed JSON body (400 unless it is JSON); read once. */
	body(): Promise<unknown>;
};

export type RouteHandler = (ctx: RouteContext) => Reply | Promise<Reply>;

export type Route = {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** e.g. /api/v2/idps/{idpId}/offline-mode; the key of counters().byRoute with the method. */
	template: string;
	scope: ScopeRequirement;
	handle: RouteHandler;
};

/** A path template from a paths.ts builder: placeholders survive its URL encoding, then become {name}. */
export function template<A extends string[]>(build: (...args: A) => string, ...names: A): string {
	return build(...(names.map(name => `__${name}__`) as A)).replace(/__(\w+?)__/g, '{$1}');
}

export const ok = (body: unknown): Reply => ({status: 200, body});
export const created = (body: unknown): Reply => ({status: 201, body});
export const noContent = (): Reply => ({status: 204});
