import type {GatewayCaller} from '../gatewayCall.js';
import type {OagApi} from '../OagApi.js';
import {AccessPolicy, AccessPolicyList} from '../schemas/accessPolicies.js';
import {paths} from '../schemas/paths.js';

// Offline access policies of an IdP (gateways >= 2026.09.1). Create is never retried: a retry after a
// lost answer would create a second policy.

export function createAccessPoliciesApi(call: GatewayCaller): OagApi['accessPolicies'] {
	return {
		list: (idpId) =>
			call.json({method: 'GET', path: paths.accessPolicies(idpId), retry: 'idempotent'}, AccessPolicyList),
		get: (idpId, policyId) =>
			call.json({method: 'GET', path: paths.accessPolicy(idpId, policyId), retry: 'idempotent'}, AccessPolicy),
		create: (idpId, body) =>
			call.json({method: 'POST', path: paths.accessPolicies(idpId), body, retry: 'never'}, AccessPolicy),
		replace: (idpId, policyId, body) =>
			call.json({method: 'PUT', path: paths.accessPolicy(idpId, policyId), body, retry: 'idempotent'}, AccessPolicy),
		remove: (idpId, policyId) =>
			call.noContent({method: 'DELETE', path: paths.accessPolicy(idpId, policyId), retry: 'never'}),
	};
}
