import {OagError, type OagErrorDetails} from '../errors.js';
import {findScope, parseErrorBody} from './errorBody.js';
import {maskSecrets} from './secretValues.js';

// Turns an HTTP answer or a socket failure into one OagError kind. Messages are one line, name the
// operation by method and path (ids only), and never carry headers, tokens, keys or request bodies.

export type ExchangeContext = {method: string; path: string};

export type HttpFailure = ExchangeContext & {
	status: number;
	/** The raw answer; only read through parseErrorBody, which masks `secrets` first. */
	bodyText: string;
	retryAfterSeconds?: number;
	/** Secret values the request carried (passwords, bind credentials): never shown in any encoding. */
	secrets?: readonly string[];
};

export const missingScopeMessage = (scope: string): string =>
	`Missing scope ${scope}. Enable it for the API client in the OAG admin UI (Settings > Access Gateway > API); ` +
	'changing scopes means re-enabling the API, which issues a new key.';

function withCauses(summary: string, causes: {field?: string; errorSummary: string}[]): string {
	const fieldCauses = causes.filter((cause) => cause.field);
	if (fieldCauses.length === 0) return summary;
	const listed = fieldCauses.map((cause) => `${cause.field}: ${cause.errorSummary}`).join('; ');
	const line = `${summary} (${listed})`;
	return line.length > 400 ? `${line.slice(0, 397)}...` : line;
}

export function errorFromResponse(failure: HttpFailure): OagError {
	const {method, path, status} = failure;
	const secrets = failure.secrets ?? [];
	const parsed = parseErrorBody(status, failure.bodyText, secrets);
	const operation = `${method} ${path}`;
	const details: OagErrorDetails = {status, method, path, ...(parsed.errorCode ? {errorCode: parsed.errorCode} : {})};
	const summary = parsed.summary;

	if (status === 400 || status === 422) {
		return new OagError('validation', withCauses(summary, parsed.causes), {...details, causes: parsed.causes});
	}
	if (status === 401) {
		return new OagError(
			'unauthorized',
			`The gateway refused the access token for ${operation}: ${summary}. Check the client id and the key.`,
			details,
		);
	}
	if (status === 403) {
		const scope = findScope(parsed, maskSecrets(failure.bodyText, secrets));
		if (scope) return new OagError('missing-scope', missingScopeMessage(scope), {...details, scope});
		return new OagError(
			'unauthorized',
			`Forbidden: ${operation}: ${summary}. The API client may lack a scope, or this machine's address is not in a private range the gateway accepts.`,
			details,
		);
	}
	if (status === 404) return new OagError('not-found', `Not found: ${operation}: ${summary}`, details);
	if (status === 405) {
		return new OagError(
			'deprecated',
			`${operation} is not supported by this gateway version (HTTP 405): ${summary}`,
			details,
		);
	}
	if (status === 409) return new OagError('conflict', `Conflict: ${operation}: ${summary}`, details);
	if (status === 429) {
		const wait = failure.retryAfterSeconds;
		return new OagError(
			'rate-limited',
			wait !== undefined
				? `${operation}: rate limited, retry after ${Math.ceil(wait)} s.`
				: `${operation}: rate limited by the gateway; retry in a while.`,
			{...details, ...(wait !== undefined ? {retryAfterSeconds: wait} : {})},
		);
	}
	if (status >= 500) return new OagError('server', `Gateway error on ${operation}: ${summary}`, details);
	return new OagError('bad-response', `Unexpected answer to ${operation}: ${summary}`, details);
}
