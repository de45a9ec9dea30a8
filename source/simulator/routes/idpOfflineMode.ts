import {FailoverModeRequest, HealthPolicyRequest} from '../../api/schemas/idps.js';
import {paths} from '../../api/schemas/paths.js';
import {requires} from '../../api/schemas/scopes.js';
import {validateHealthPolicy, type HealthPolicyValues} from '../../domain/healthPolicy.js';
import {ensureDefaultPolicy} from '../accessPolicyRules.js';
import {ok, template, type Route} from '../context.js';
import {parseRequest} from '../validation.js';
import {idpOf} from './lookups.js';

// Per-IdP offline mode: the failover mode (POST assigns it) and the health policy (PUT replaces all six
// fields, with the gateway's ranges and the cooldown rule).

/** The domain rule applies only to a body whose six fields are numbers; zod reports the rest. */
function healthPolicyProblems(raw: unknown) {
	if (raw === null || typeof raw !== 'object') return [];
	const values = raw as HealthPolicyValues;
	return validateHealthPolicy(values, 'gateway').filter(problem => {
		const value = (values as Record<string, unknown>)[problem.field];
		return typeof value === 'number';
	});
}

export const idpOfflineModeRoutes: Route[] = [
	{
		method: 'GET',
		template: template(paths.failoverMode, 'idpId'),
		scope: requires.idpRead,
		handle: ctx => ok({mode: idpOf(ctx).failoverMode}),
	},
	{
		method: 'POST',
		template: template(paths.failoverMode, 'idpId'),
		scope: requires.idpManage,
		handle: async ctx => {
			const record = idpOf(ctx);
			const {mode} = parseRequest(FailoverModeRequest, await ctx.body());
			record.failoverMode = mode;
			if (mode === 'AUTOMATIC') ensureDefaultPolicy(ctx.sim.state, record, () => ctx.sim.ids.uuid());
			return ok({mode});
		},
	},
	{
		method: 'GET',
		template: template(paths.healthPolicy, 'idpId'),
		scope: requires.idpRead,
		handle: ctx => ok({...idpOf(ctx).healthPolicy}),
	},
	{
		method: 'PUT',
		template: template(paths.healthPolicy, 'idpId'),
		scope: requires.idpManage,
		handle: async ctx => {
			const record = idpOf(ctx);
			const policy = parseRequest(HealthPolicyRequest, await ctx.body(), healthPolicyProblems);
			record.healthPolicy = {...policy};
			return ok({...record.healthPolicy});
		},
	},
];
