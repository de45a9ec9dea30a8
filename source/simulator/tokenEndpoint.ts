import type {IncomingMessage} from 'node:http';
import {TokenRequest} from '../api/schemas/common.js';
import {expectedAudience, grantedScopes, sameScopeSet, verifyClientAssertion} from './assertion.js';
import type {Simulator} from './context.js';
import {badRequest, methodNotAllowed, notFound, tokenRefused} from './errors.js';
import {mediaTypeOf, readBody, type Reply} from './http.js';
import {parseRequest} from './validation.js';

// POST /api/v2/oauth/token: exchanges a signed client assertion for an opaque access token.
// A malformed form is 400; any problem with the assertion or the scopes is 401 (oag-api.md part A).

export async function handleTokenRequest(req: IncomingMessage, sim: Simulator, nowMs: number): Promise<Reply> {
	if (sim.directBearerOnly === 404) throw notFound();
	if (sim.directBearerOnly === 405) {
		throw methodNotAllowed([], 'This gateway issues no access tokens; send a signed client assertion as the bearer.');
	}
	if (req.method !== 'POST') throw methodNotAllowed(['POST']);
	if (mediaTypeOf(req) !== 'application/x-www-form-urlencoded') {
		throw badRequest('The token request must be a form (Content-Type: application/x-www-form-urlencoded).');
	}
	const form = new URLSearchParams(await readBody(req));
	const fields: Record<string, string> = {};
	for (const [key, value] of form) {
		if (key in fields) throw badRequest(`The form field ${key} is repeated.`);
		fields[key] = value;
	}
	const request = parseRequest(TokenRequest, fields);

	const nowSeconds = Math.floor(nowMs / 1000);
	const verified = await verifyClientAssertion(request.client_assertion, sim.clients, expectedAudience(req.headers.host), nowSeconds);
	if (!verified.ok) throw tokenRefused(401, 'invalid_client', verified.reason);
	const {client, scope, jti, exp} = verified.value;

	const requested = grantedScopes(request.scope, client);
	if (!requested.ok) throw tokenRefused(401, 'invalid_scope', requested.reason);
	const claimed = grantedScopes(scope, client);
	if (!claimed.ok) throw tokenRefused(401, 'invalid_scope', `In the scope claim: ${claimed.reason}`);
	if (!sameScopeSet(scope, request.scope)) {
		throw tokenRefused(401, 'invalid_scope', 'The scope claim of the client assertion must list the same scopes as the scope form field.');
	}
	if (!sim.tokens.claimAssertion(client.clientId, jti, exp, nowMs)) {
		throw tokenRefused(401, 'invalid_client', 'This client assertion (jti) was already used; sign a new one.');
	}

	const accessToken = sim.tokens.mint(client.clientId, requested.scopes, sim.tokenTtlSeconds, nowMs);
	sim.counters.tokenMinted();
	return {
		status: 200,
		body: {access_token: accessToken, token_type: 'Bearer', expires_in: sim.tokenTtlSeconds, scope: requested.scopes.join(' ')},
		headers: {'Cache-Control': 'no-store', Pragma: 'no-cache'},
	};
}
