import {ClientSettingsError, isOagError, type OagError} from '../../../api/errors.js';
import type {SetupFailure, SetupField} from './setupForm.js';

// Setup's failures, named by their cause and placed on the field the admin must change. Decided from the
// client's typed error kinds, never from message text.

const INSECURE_LAST_RESORT =
	'Only as a last resort, on a network you trust: start oag-offline with --insecure (anyone on the path could then impersonate the gateway).';

export function setupFailureFrom(error: unknown, host: string): SetupFailure {
	if (error instanceof ClientSettingsError) return fromSettingsError(error, host);
	if (!isOagError(error)) {
		return {ok: false, message: `The check failed: ${error instanceof Error ? error.message : String(error)}`};
	}
	return fromOagError(error, host);
}

/** The client refused a setting before sending anything: the message goes on the field it names. */
function fromSettingsError(error: ClientSettingsError, host: string): SetupFailure {
	switch (error.setting) {
		case 'host':
			return {ok: false, message: `Cannot use host ${host}: nothing was sent.`, fieldErrors: {host: error.message}};
		case 'clientId':
			return {ok: false, message: 'Cannot use this client id: nothing was sent.', fieldErrors: {clientId: error.message}};
		default:
			return {ok: false, message: `The check failed: ${error.message}`};
	}
}

function fromOagError(error: OagError, host: string): SetupFailure {
	const fields = (fieldErrors: Partial<Record<SetupField, string>>, message: string): SetupFailure => ({ok: false, message, fieldErrors});
	switch (error.kind) {
		case 'tls':
			// Our side refused the gateway's certificate: the fix is the CA that issued it.
			return fields(
				{caFile: `The gateway's certificate is not trusted here${error.details.errorCode ? ` (${error.details.errorCode})` : ''}: give the CA file that issued it.`},
				`We refused the TLS certificate of ${host}: nothing was sent. Give the gateway's CA in "CA file". ${INSECURE_LAST_RESORT}`,
			);
		case 'network':
			return fields({host: `Cannot reach this host: ${hintOf(error)}`}, `Cannot reach ${host}: check the host name and port. Nothing was stored.`);
		case 'timeout':
			return fields({host: 'No answer from this host in time: check the host and port, or a firewall.'}, `${host} did not answer in time. Nothing was stored.`);
		case 'unauthorized':
			return fields(
				{
					clientId: 'The gateway refused this client id with this key (401).',
					privateKeyPem: 'Is this the key of that API client? Paste the key OAG showed when the API was enabled.',
				},
				'The gateway refused the credentials (401): the client id and the key must belong to the same API client. Nothing was stored.',
			);
		case 'missing-scope': {
			const scope = error.details.scope;
			return {
				ok: false,
				message: scope
					? `The API client lacks the scope ${scope}: grant it to the client in the OAG admin UI (Settings › Access Gateway › API), then try again. Nothing was stored.`
					: `${error.message} Nothing was stored.`,
			};
		}
		case 'validation':
			return {ok: false, message: `The gateway refused the request: ${error.message}`, fieldErrors: error.fieldErrors() as Partial<Record<SetupField, string>>};
		default:
			return {ok: false, message: `The gateway answered with an error: ${error.message} Nothing was stored.`};
	}
}

/** The part of a network message after the request ("connection refused (is the host...)"). */
function hintOf(error: OagError): string {
	const colon = error.message.lastIndexOf('): ');
	return colon >= 0 ? error.message.slice(colon + 3) : error.message;
}
