import type {OagApi} from '../api/OagApi.js';
import type {HealthPolicy} from '../api/schemas/idps.js';
import {paths} from '../api/schemas/paths.js';
import {HEALTH_POLICY_FIELDS, validateHealthPolicy, type HealthPolicyValues} from '../domain/healthPolicy.js';
import type {Operation} from './types.js';

// An IdP's health policy: PUT is a full replace of the six fields (oag-api.md 4.6), so the operation
// always carries all six, checked by the domain rule before anything is sent. Undo puts the six back.

export const HEALTH_POLICY_OPERATION_ID = 'idps.health-policy';

/** The six fields, without whatever else a gateway returns next to them. */
export const policyValues = (policy: HealthPolicy | HealthPolicyValues): HealthPolicyValues => ({
	failureThreshold: policy.failureThreshold,
	healthCheckInterval: policy.healthCheckInterval,
	maxRetries: policy.maxRetries,
	recoveryCooldownInterval: policy.recoveryCooldownInterval,
	successThreshold: policy.successThreshold,
	timeout: policy.timeout,
});

const differences = (want: HealthPolicyValues, got: HealthPolicyValues): string[] =>
	HEALTH_POLICY_FIELDS.filter(f => want[f] !== got[f]).map(f => `${f} ${got[f]}`);

export function healthPolicyOperation(
	api: Pick<OagApi, 'idps'>,
	idp: {id: string; name?: string},
	requested: HealthPolicyValues,
): Operation<HealthPolicyValues> {
	const policy = policyValues(requested);
	const read = async () => policyValues(await api.idps.getHealthPolicy(idp.id));
	return {
		id: HEALTH_POLICY_OPERATION_ID,
		label: `health policy of ${idp.name ?? idp.id}`,
		target: {kind: 'idp', id: idp.id, ...(idp.name ? {name: idp.name} : {})},
		requested: policy,
		request: {method: 'PUT', path: paths.healthPolicy(idp.id), body: policy},
		readBefore: read,
		// 'client': the two ranges the documentation does not give are left to the gateway.
		validate: () => validateHealthPolicy(policy, 'client').map(e => `${e.field}: ${e.message}`),
		call: () => api.idps.replaceHealthPolicy(idp.id, policy),
		verify: async () => {
			const after = await read();
			const off = differences(policy, after);
			return {after, ...(off.length > 0 ? {mismatch: off.join(', ')} : {})};
		},
		inverse: before => healthPolicyOperation(api, idp, before),
	};
}
