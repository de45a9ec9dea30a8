import {describe, expect, it} from 'vitest';
import {OagError} from '../../source/api/errors.js';
import {parseErrorBody} from '../../source/api/http/errorBody.js';
import {errorFromResponse} from '../../source/api/http/errorMapping.js';
import {errorFromException} from '../../source/api/http/networkErrors.js';
import {redactSecrets, safeExcerpt} from '../../source/api/http/redact.js';

const ctx = {method: 'GET', path: '/api/v2/idps'};
const body = (errorSummary: string, errorCauses: unknown[] = [], errorCode = 'E0000001') =>
	JSON.stringify({errorCode, errorSummary, errorCauses});

const JWT =
	'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJjbGllbnQiLCJzdWIiOiJjbGllbnQifQ.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';
const PEM = `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nAbCdEf==\n-----END PRIVATE KEY-----`;

describe('errorFromResponse', () => {
	it('400 is validation with per-field causes', () => {
		const error = errorFromResponse({
			...ctx,
			status: 400,
			bodyText: body('Api validation failed: timeout: too big', [
				{errorSummary: 'must be 1..60', field: 'timeout'},
				{errorSummary: 'too small', field: 'recoveryCooldownInterval'},
			]),
		});
		expect(error.kind).toBe('validation');
		expect(error.details.causes).toHaveLength(2);
		expect(error.fieldErrors()).toEqual({timeout: 'must be 1..60', recoveryCooldownInterval: 'too small'});
		expect(error.message).toContain('timeout: must be 1..60');
		expect(error.details.errorCode).toBe('E0000001');
	});

	it('403 names the scope and says how to enable it', () => {
		const error = errorFromResponse({
			...ctx,
			status: 403,
			bodyText: body('The access token is missing the required scope okta.oag.idp.manage', [], 'E0000006'),
		});
		expect(error.kind).toBe('missing-scope');
		expect(error.details.scope).toBe('okta.oag.idp.manage');
		expect(error.message).toBe(
			'Missing scope okta.oag.idp.manage. Enable it for the API client in the OAG admin UI (Settings > Access Gateway > API); changing scopes means re-enabling the API, which issues a new key.',
		);
	});

	it('403 finds the scope in an unknown body too; without one it is unauthorized', () => {
		expect(errorFromResponse({...ctx, status: 403, bodyText: 'insufficient_scope: okta.oag.authenticationService.manage.'}).details.scope).toBe(
			'okta.oag.authenticationService.manage',
		);
		expect(errorFromResponse({...ctx, status: 403, bodyText: 'Forbidden'}).kind).toBe('unauthorized');
	});

	it.each([
		[401, 'unauthorized'],
		[404, 'not-found'],
		[405, 'deprecated'],
		[409, 'conflict'],
		[422, 'validation'],
		[500, 'server'],
		[502, 'server'],
		[503, 'server'],
		[302, 'bad-response'],
		[418, 'bad-response'],
	] as const)('%i is %s', (status, kind) => {
		const error = errorFromResponse({...ctx, status, bodyText: body('summary text')});
		expect(error).toBeInstanceOf(OagError);
		expect(error.kind).toBe(kind);
		expect(error.details).toMatchObject({status, method: 'GET', path: '/api/v2/idps'});
		expect(error.message).toContain('summary text');
	});

	it('429 carries retryAfterSeconds', () => {
		const error = errorFromResponse({...ctx, status: 429, bodyText: body('slow down'), retryAfterSeconds: 2});
		expect(error.kind).toBe('rate-limited');
		expect(error.details.retryAfterSeconds).toBe(2);
		expect(error.message).toContain('retry after 2 s');
	});

	it('shows an unknown body as HTTP status + short excerpt', () => {
		const error = errorFromResponse({...ctx, status: 502, bodyText: `<html><body>Bad gateway ${'x '.repeat(200)}</body></html>`});
		expect(error.message).toMatch(/HTTP 502: <html><body>Bad gateway/);
		const excerpt = /HTTP 502: (.*)$/.exec(error.message)?.[1] ?? '';
		expect(excerpt.length).toBeLessThanOrEqual(120);
	});

	it('reads OAuth-style bodies', () => {
		const parsed = parseErrorBody(400, JSON.stringify({error: 'invalid_client', error_description: 'bad aud'}));
		expect(parsed).toMatchObject({summary: 'bad aud', errorCode: 'invalid_client', recognised: true});
	});

	it.each([
		['a JWT', `token rejected: ${JWT}`, JWT.slice(0, 30)],
		['a PEM', `key: ${PEM}`, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw'],
		['a PEM cut short', `oops -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC`, 'MIIEvQIBADAN'],
		['a bearer header', 'Authorization: Bearer abc.def.ghi was refused', 'abc.def.ghi'],
		['a password field', '{"database":{"password":"hunter2-secret"}}', 'hunter2'],
		['a bind credential', '{"bindCredential": "s3cr3t!"}', 's3cr3t'],
		['a form assertion', 'client_assertion=abc123xyz&scope=x', 'abc123xyz'],
		['an opaque hex token', `token ${'a1b2c3d4'.repeat(8)} expired`, 'a1b2c3d4a1b2c3d4'],
	])('never lets %s reach a message', (_name, text, secret) => {
		for (const status of [400, 401, 403, 404, 500, 418]) {
			const unknown = errorFromResponse({...ctx, status, bodyText: text});
			const documented = errorFromResponse({...ctx, status, bodyText: body(text, [{errorSummary: text, field: 'f'}])});
			for (const error of [unknown, documented]) {
				expect(error.message).not.toContain(secret);
				for (const cause of error.details.causes ?? []) expect(cause.errorSummary).not.toContain(secret);
			}
		}
	});

	it('keeps ids and paths readable', () => {
		const summary = 'Directory 3fa85f64-5717-4562-b3fc-2c963f66afa6 not found at /api/v2/idps/3fa85f64-5717-4562-b3fc-2c963f66afa6/offline-mode/directories';
		expect(redactSecrets(summary)).toBe(summary);
		const fieldProse = 'Api validation failed: database.password: Required.';
		expect(redactSecrets(fieldProse)).toBe(fieldProse);
	});

	it('safeExcerpt is one line and bounded', () => {
		expect(safeExcerpt('a\n  b\tc')).toBe('a b c');
		expect(safeExcerpt('z'.repeat(10) + ' '.repeat(3) + 'y'.repeat(300)).length).toBeLessThanOrEqual(120);
	});
});

describe('errorFromException', () => {
	const context = {...ctx, origin: 'https://127.0.0.1:1', timedOut: false, timeoutMs: 1000};
	const withCode = (code: string, message = code) => Object.assign(new Error(message), {code});

	it.each(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'UND_ERR_SOCKET', 'EHOSTUNREACH'])('%s is network', (code) => {
		const error = errorFromException(Object.assign(new Error('fetch failed'), {cause: withCode(code)}), context);
		expect(error.kind).toBe('network');
		expect(error.details.errorCode).toBe(code);
	});

	it.each([
		'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
		'DEPTH_ZERO_SELF_SIGNED_CERT',
		'SELF_SIGNED_CERT_IN_CHAIN',
		'ERR_TLS_CERT_ALTNAME_INVALID',
		'CERT_HAS_EXPIRED',
	])('%s is tls with a hint', (code) => {
		const error = errorFromException(withCode(code), context);
		expect(error.kind).toBe('tls');
		expect(error.message).toContain('--ca-file');
		expect(error.message).toContain('--insecure');
	});

	it.each(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])('%s is timeout', (code) => {
		expect(errorFromException(withCode(code), context).kind).toBe('timeout');
	});

	it('an aborted timeout signal is timeout', () => {
		const abort = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
		expect(errorFromException(abort, context).kind).toBe('timeout');
		expect(errorFromException(new Error('aborted'), {...context, timedOut: true}).kind).toBe('timeout');
	});
});
