import type {GatewayCaller} from '../gatewayCall.js';
import type {OagApi} from '../OagApi.js';
import {AuthServiceCertificate, AuthServiceCertificateList, AuthServiceSetting, HealthCheck} from '../schemas/authService.js';
import {paths} from '../schemas/paths.js';

// The cluster-wide authentication service. It has no update: enable (create, never retried: a second
// attempt would answer 409 and hide the first one's success) and disable. Reads answer 404 when the
// service is not enabled, which is a state, not an error.

export function createAuthServiceApi(call: GatewayCaller): OagApi['authService'] {
	return {
		get: () => call.jsonOrUndefined({method: 'GET', path: paths.authService, retry: 'idempotent'}, AuthServiceSetting),
		enable: (body) =>
			call.json(
				{
					method: 'POST',
					path: paths.authService,
					body,
					retry: 'never',
					// No body: read the stored setting (never echo the sent one: it carries the DB credentials).
					onEmpty: () => call.json({method: 'GET', path: paths.authService, retry: 'idempotent'}, AuthServiceSetting),
				},
				AuthServiceSetting,
			),
		disable: () => call.noContent({method: 'DELETE', path: paths.authService, retry: 'never'}),
		health: () => call.jsonOrUndefined({method: 'GET', path: paths.authServiceHealth, retry: 'idempotent'}, HealthCheck),
		listCertificates: () =>
			call.json(
				{method: 'GET', path: paths.authServiceCertificates, retry: 'idempotent'},
				AuthServiceCertificateList,
			),
		replaceCertificate: (body) =>
			call.json(
				{method: 'PUT', path: paths.authServiceCertificates, body, retry: 'idempotent'},
				AuthServiceCertificate,
			),
	};
}
