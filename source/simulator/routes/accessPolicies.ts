import {AccessPolicyRequest, type AccessPolicy} from '../../api/schemas/accessPolicies.js';
import {paths} from '../../api/schemas/paths.js';
import {requires} from '../../api/schemas/scopes.js';
import {accessPolicyProblems, isAccessPolicyEra} from '../accessPolicyRules.js';
import {created, noContent, ok, template, type Route, type RouteContext} from '../context.js';
import {conflict, notFound} from '../errors.js';
import type {IdpRecord} from '../state.js';
import {parseRequest} from '../validation.js';
import {idpOf} from './lookups.js';

// Offline access policies per IdP (SC-GUIDE), the replacement of the app group policy. They exist only
// on gateways at or after the group-policy cut-over; before it these routes are "not configured".

export function requireAccessPolicyEra(ctx: RouteContext): void {
	if (!isAccessPolicyEra(ctx.sim.state)) {
		throw notFound(`Not found: offline access policies are not configured on gateway ${ctx.sim.state.gatewayVersion}.`);
	}
}

function policyOf(ctx: RouteContext, record: IdpRecord): AccessPolicy {
	const id = ctx.params.policyId ?? '';
	const policy = record.accessPolicies.get(id);
	if (!policy) throw notFound(`Not found: Resource not found: access policy ${id}`);
	return policy;
}

/** The IdP of the route, after checking the feature exists on this gateway version. */
function idpInEra(ctx: RouteContext): IdpRecord {
	requireAccessPolicyEra(ctx);
	return idpOf(ctx);
}

const policyTemplate = template(paths.accessPolicy, 'idpId', 'policyId');

export const accessPolicyRoutes: Route[] = [
	{
		method: 'GET',
		template: template(paths.accessPolicies, 'idpId'),
		scope: requires.idpRead,
		handle: ctx => ok([...idpInEra(ctx).accessPolicies.values()]),
	},
	{
		method: 'POST',
		template: template(paths.accessPolicies, 'idpId'),
		scope: requires.idpManage,
		handle: async ctx => {
			const record = idpInEra(ctx);
			const request = parseRequest(AccessPolicyRequest, await ctx.body(), accessPolicyProblems);
			const policy: AccessPolicy = {id: ctx.sim.ids.uuid(), name: request.name, isDefault: false, rules: request.rules};
			record.accessPolicies.set(policy.id, policy);
			return created(policy);
		},
	},
	{
		method: 'GET',
		template: policyTemplate,
		scope: requires.idpRead,
		handle: ctx => ok(policyOf(ctx, idpInEra(ctx))),
	},
	{
		method: 'PUT',
		template: policyTemplate,
		scope: requires.idpManage,
		handle: async ctx => {
			const record = idpInEra(ctx);
			const existing = policyOf(ctx, record);
			const request = parseRequest(AccessPolicyRequest, await ctx.body(), accessPolicyProblems);
			const policy: AccessPolicy = {id: existing.id, name: request.name, isDefault: existing.isDefault, rules: request.rules};
			record.accessPolicies.set(policy.id, policy);
			return ok(policy);
		},
	},
	{
		method: 'DELETE',
		template: policyTemplate,
		scope: requires.idpManage,
		handle: ctx => {
			const record = idpInEra(ctx);
			const policy = policyOf(ctx, record);
			if (policy.isDefault) throw conflict('The default offline access policy of an IdP cannot be deleted.');
			const assigned = [...ctx.sim.state.apps.values()].filter(app => app.accessPolicyId === policy.id);
			if (assigned.length > 0) {
				throw conflict(`The access policy is assigned to ${assigned.length} app(s); assign them another policy first.`);
			}
			record.accessPolicies.delete(policy.id);
			return noContent();
		},
	},
];
