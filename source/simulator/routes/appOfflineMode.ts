import {AppAccessPolicyRequest, AppOfflineStateRequest, GroupPolicyRequest} from '../../api/schemas/apps.js';
import {paths} from '../../api/schemas/paths.js';
import {requires} from '../../api/schemas/scopes.js';
import * as v from '../../domain/validators.js';
import {isAccessPolicyEra} from '../accessPolicyRules.js';
import {ok, template, type Route} from '../context.js';
import {methodNotAllowed, notFound} from '../errors.js';
import {checkString, parseRequest, valueAt, type DomainCheck} from '../validation.js';
import {requireAccessPolicyEra} from './accessPolicies.js';
import {appOf} from './lookups.js';

// Per-app offline mode: the state (INACTIVE by default), the legacy group policy (its PUT is 405 from
// the cut-over on) and the assigned access policy (from the cut-over on).

const groupNames: DomainCheck = raw => {
	const groups = valueAt(raw, 'groups');
	if (!Array.isArray(groups)) return [];
	return groups.flatMap((_, i) => checkString(raw, `groups.${i}.name`, v.required));
};

const groupPolicyTemplate = template(paths.appGroupPolicy, 'applicationId');
const accessPolicyTemplate = template(paths.appAccessPolicy, 'applicationId');

export const appOfflineModeRoutes: Route[] = [
	{
		method: 'GET',
		template: template(paths.appState, 'applicationId'),
		scope: requires.appRead,
		handle: ctx => ok({state: appOf(ctx).state}),
	},
	{
		method: 'POST',
		template: template(paths.appState, 'applicationId'),
		scope: requires.appManage,
		handle: async ctx => {
			const record = appOf(ctx);
			record.state = parseRequest(AppOfflineStateRequest, await ctx.body()).state;
			return ok({state: record.state});
		},
	},
	{
		method: 'GET',
		template: groupPolicyTemplate,
		scope: requires.appRead,
		handle: ctx => ok({groups: appOf(ctx).groupPolicy.groups.map(g => ({name: g.name}))}),
	},
	{
		method: 'PUT',
		template: groupPolicyTemplate,
		scope: requires.appManage,
		handle: async ctx => {
			const {state} = ctx.sim;
			if (isAccessPolicyEra(state)) {
				throw methodNotAllowed(
					['GET'],
					`The offline group policy is no longer supported as of OAG ${state.groupPolicyCutover}; assign an offline access policy instead.`,
				);
			}
			const record = appOf(ctx);
			const request = parseRequest(GroupPolicyRequest, await ctx.body(), groupNames);
			record.groupPolicy = {groups: request.groups.map(g => ({name: g.name}))};
			return ok({groups: record.groupPolicy.groups.map(g => ({name: g.name}))});
		},
	},
	{
		method: 'GET',
		template: accessPolicyTemplate,
		scope: requires.appRead,
		handle: ctx => {
			requireAccessPolicyEra(ctx);
			return ok({accessPolicyId: appOf(ctx).accessPolicyId});
		},
	},
	{
		method: 'PUT',
		template: accessPolicyTemplate,
		scope: requires.appManage,
		handle: async ctx => {
			requireAccessPolicyEra(ctx);
			const record = appOf(ctx);
			const {accessPolicyId} = parseRequest(AppAccessPolicyRequest, await ctx.body(), raw =>
				checkString(raw, 'accessPolicyId', v.uuid),
			);
			const idp = ctx.sim.state.idps.get(record.app.idpId ?? '');
			if (!idp?.accessPolicies.has(accessPolicyId)) {
				throw notFound(`Not found: the IdP of this application has no access policy ${accessPolicyId}.`);
			}
			record.accessPolicyId = accessPolicyId;
			return ok({accessPolicyId});
		},
	},
];

