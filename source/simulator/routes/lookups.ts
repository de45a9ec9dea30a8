import {notFound} from '../errors.js';
import type {RouteContext} from '../context.js';
import type {AppRecord, AuthServiceRecord, IdpRecord} from '../state.js';

// Resolving path ids to stored objects, each a 404 with a summary that says what was not found.

export function idpOf(ctx: RouteContext): IdpRecord {
	const id = ctx.params.idpId ?? '';
	const record = ctx.sim.state.idps.get(id);
	if (!record) throw notFound(`Not found: Resource not found: IdP ${id}`);
	return record;
}

export function appOf(ctx: RouteContext): AppRecord {
	const id = ctx.params.applicationId ?? '';
	const record = ctx.sim.state.apps.get(id);
	if (!record) throw notFound(`Not found: Resource not found: application ${id}`);
	return record;
}

export function authServiceOf(ctx: RouteContext): AuthServiceRecord {
	const record = ctx.sim.state.authService;
	if (!record) throw notFound('Not found: the authentication service is not enabled.');
	return record;
}
