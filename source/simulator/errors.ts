import type {ErrorBody, ErrorCause} from '../api/schemas/common.js';
import type {FieldError} from '../domain/fieldError.js';

// The error bodies of oag-api.md part A, in one place so every route answers the same shape.
// Summaries never carry request values that could be secrets (passwords, tokens, keys).

export const ERROR_CODES = {
	validation: 'E0000001',
	forbidden: 'E0000006',
	notFound: 'E0000007',
	internal: 'E0000009',
	invalidToken: 'E0000011',
	methodNotAllowed: 'E0000022',
	conflict: 'E0000038',
	rateLimited: 'E0000047',
} as const;

export class SimHttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: ErrorBody,
		readonly headers: Record<string, string> = {},
	) {
		super(body.errorSummary);
	}
}

const body = (errorCode: string, errorSummary: string, errorCauses: ErrorCause[] = []): ErrorBody => ({
	errorCode,
	errorSummary,
	errorCauses,
});

export function validationFailed(problems: readonly FieldError[]): SimHttpError {
	const first = problems[0];
	const headline = first ? `${first.field}: ${first.message}` : 'the request is not valid';
	return new SimHttpError(
		400,
		body(
			ERROR_CODES.validation,
			`Api validation failed: ${headline}`,
			problems.map(p => ({errorSummary: p.message, field: p.field})),
		),
	);
}

/** A 400 that is not about one field (e.g. an unparsable body or a failed directory bind). */
export const badRequest = (summary: string): SimHttpError =>
	new SimHttpError(400, body(ERROR_CODES.validation, summary, [{errorSummary: summary}]));

export const invalidToken = (): SimHttpError =>
	new SimHttpError(401, body(ERROR_CODES.invalidToken, 'Invalid token provided'), {
		'WWW-Authenticate': 'Bearer error="invalid_token"',
	});

export function missingScope(scope: string): SimHttpError {
	const summary = `The access token is missing the required scope ${scope}`;
	return new SimHttpError(403, body(ERROR_CODES.forbidden, summary, [{errorSummary: summary}]), {
		'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope}"`,
	});
}

export const notFound = (summary = 'Not found: Resource not found'): SimHttpError =>
	new SimHttpError(404, body(ERROR_CODES.notFound, summary));

export const conflict = (summary: string): SimHttpError => new SimHttpError(409, body(ERROR_CODES.conflict, summary));

export const methodNotAllowed = (allowed: readonly string[], summary?: string): SimHttpError =>
	new SimHttpError(
		405,
		body(ERROR_CODES.methodNotAllowed, summary ?? 'The endpoint does not support the provided HTTP method'),
		{Allow: allowed.join(', ')},
	);

export const rateLimited = (retryAfterSeconds: number): SimHttpError =>
	new SimHttpError(429, body(ERROR_CODES.rateLimited, 'API call exceeded rate limit due to too many requests.'), {
		'Retry-After': String(retryAfterSeconds),
	});

export const internalError = (): SimHttpError =>
	new SimHttpError(500, body(ERROR_CODES.internal, 'Internal Server Error'));

/** Token endpoint refusals use the same shape, with OAuth error names as the code. */
export const tokenRefused = (status: 400 | 401, oauthError: string, reason: string): SimHttpError =>
	new SimHttpError(status, body(oauthError, reason, [{errorSummary: reason}]));
