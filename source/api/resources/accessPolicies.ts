import type {GatewayCaller} from '../gatewayCall.js';
import type {OagApi} from '../OagApi.js';
import {AccessPolicy, AccessPolicyList} from '../schemas/accessPolicies.js';
import {paths} from '../schemas/paths.js';

// Offline access policies of an IdP (gateways >= 2026.09.1). Create is never retried: a retry after a
// lost answer would create a second policy.

export function createAccessPoliciesApi(call: GatewayCaller): OagApi['accessPolicies'] {
	const listPolicies = (idpId: string) =>
		call.json({method: 'GET', path: paths.accessPolicies(idpId), retry: 'idempotent'}, AccessPolicyList);
	const getPolicy = (idpId: string, policyId: string) =>
		call.json({method: 'GET', path: paths.accessPolicy(idpId, policyId), retry: 'idempotent'}, AccessPolicy);
	return {
		list: listPolicies,
		get: getPolicy,
		create: (idpId, body) =>
			call.json(
				{
					method: 'POST',
					path: paths.accessPolicies(idpId),
					body,
					retry: 'never',
					// No body: the new policy is the (last) one with this name.
					onEmpty: async () => (await listPolicies(idpId)).filter(p => p.name === body.name).at(-1),
				},
				AccessPolicy,
			),
		replace: (idpId, policyId, body) =>
			call.json(
				{
					method: 'PUT',
					path: paths.accessPolicy(idpId, policyId),
					body,
					retry: 'idempotent',
					onEmpty: () => getPolicy(idpId, policyId),
				},
				AccessPolicy,
			),
		remove: (idpId, policyId) =>
			call.noContent({method: 'DELETE', path: paths.accessPolicy(idpId, policyId), retry: 'never'}),
	};
}
