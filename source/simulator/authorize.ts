import type {IncomingMessage} from 'node:http';
import type {Scope, ScopeRequirement} from '../api/schemas/scopes.js';
import {expectedAudience, grantedScopes, verifyClientAssertion} from './assertion.js';
import type {Simulator} from './context.js';
import {invalidToken, missingScope} from './errors.js';

// Resource-route authorisation: a valid bearer (an access token, or in direct-bearer mode a fresh
// client assertion), then the scope the route family needs. The 401 never says why, as a gateway
// would not; the 403 names the scope so the user knows what to enable.

export type Principal = {clientId: string; scopes: Scope[]};

function bearerOf(req: IncomingMessage): string | undefined {
	const header = req.headers.authorization;
	const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
	return match?.[1];
}

export async function authenticate(req: IncomingMessage, sim: Simulator, nowMs: number): Promise<Principal> {
	const bearer = bearerOf(req);
	if (!bearer) throw invalidToken();
	if (!sim.directBearerOnly) {
		const grant = sim.tokens.lookup(bearer, nowMs);
		if (!grant) throw invalidToken();
		return {clientId: grant.clientId, scopes: grant.scopes};
	}
	const result = await verifyClientAssertion(bearer, sim.clients, expectedAudience(req.headers.host), Math.floor(nowMs / 1000));
	if (!result.ok) throw invalidToken();
	const {client, scope, jti, exp} = result.value;
	const scopes = grantedScopes(scope, client);
	if (!scopes.ok) throw invalidToken();
	// Fresh means single use, exactly as at the token endpoint: a replayed assertion is refused.
	if (!sim.tokens.claimAssertion(client.clientId, jti, exp, nowMs)) throw invalidToken();
	return {clientId: client.clientId, scopes: scopes.scopes};
}

export function requireScope(principal: Principal, requirement: ScopeRequirement): void {
	if (!requirement.anyOf.some(scope => principal.scopes.includes(scope))) throw missingScope(requirement.label);
}
