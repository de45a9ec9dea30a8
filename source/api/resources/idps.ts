import type {GatewayCaller} from '../gatewayCall.js';
import type {OagApi} from '../OagApi.js';
import {FailoverMode, HealthPolicy, IdpList} from '../schemas/idps.js';
import {paths} from '../schemas/paths.js';

// IdPs, their failover mode and health policy. Setting the failover mode is a POST that sets a value,
// so it is as safe to repeat as a PUT and is retried like one.

export function createIdpsApi(call: GatewayCaller): OagApi['idps'] {
	return {
		list: () => call.json({method: 'GET', path: paths.idps, retry: 'idempotent'}, IdpList),
		getFailoverMode: (idpId) =>
			call.json({method: 'GET', path: paths.failoverMode(idpId), retry: 'idempotent'}, FailoverMode),
		setFailoverMode: (idpId, mode) =>
			call.json({method: 'POST', path: paths.failoverMode(idpId), body: {mode}, retry: 'idempotent'}, FailoverMode),
		getHealthPolicy: (idpId) =>
			call.json({method: 'GET', path: paths.healthPolicy(idpId), retry: 'idempotent'}, HealthPolicy),
		replaceHealthPolicy: (idpId, policy) =>
			call.json(
				{method: 'PUT', path: paths.healthPolicy(idpId), body: healthPolicyBody(policy), retry: 'idempotent'},
				HealthPolicy,
			),
	};
}

/**
 * Exactly the six fields of the full replace: a policy read from the gateway may carry extra fields,
 * which the strict request contract refuses.
 */
function healthPolicyBody(policy: HealthPolicy): HealthPolicy {
	return {
		failureThreshold: policy.failureThreshold,
		healthCheckInterval: policy.healthCheckInterval,
		maxRetries: policy.maxRetries,
		recoveryCooldownInterval: policy.recoveryCooldownInterval,
		successThreshold: policy.successThreshold,
		timeout: policy.timeout,
	};
}
