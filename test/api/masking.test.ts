import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {OagError} from '../../source/api/errors.js';
import {errorFromResponse} from '../../source/api/http/errorMapping.js';

// The secrets a request carried never come back out of an error, whatever the gateway did with them: echoed
// as is, JSON-escaped, URL-encoded or base64-encoded, in any field of the error body or in a body that is not
// JSON at all. The encoders below are written independently of the masking code on purpose.

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const base64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
/** The base64 characters that depend only on the secret, when `prefix` bytes come before it. */
const embeddedBase64 = (prefix: string, secret: string): string => {
	const before = Buffer.byteLength(prefix);
	const all = base64(prefix + secret);
	return all.slice(Math.ceil((before * 8) / 6), Math.floor(((before + Buffer.byteLength(secret)) * 8) / 6));
};

function echoes(secret: string): Record<string, string> {
	const json = JSON.stringify(secret).slice(1, -1);
	return {
		raw: secret,
		json,
		doubleJson: JSON.stringify(json).slice(1, -1),
		asciiJson: json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
		url: encodeURIComponent(secret),
		urlLower: encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
		form: new URLSearchParams({p: secret}).toString().slice(2),
		base64: base64(secret),
		base64url: base64url(secret),
		basic: embeddedBase64('oag_admin:', secret),
		basic1: embeddedBase64('x', secret),
		basic2: embeddedBase64('xy', secret),
	};
}

/** Every string a caller can see in the error: the message and the structured details. */
const visible = (error: OagError): string => JSON.stringify({message: error.message, details: error.details, fields: error.fieldErrors()});

const secretArbitrary = fc
	.array(fc.oneof(fc.constantFrom('"', '\\', '%', ' ', '+', '/', '=', '&', 'é', 'ß', '字', '😀', "'", '<'), fc.string({minLength: 1, maxLength: 3, unit: 'grapheme-ascii'})), {minLength: 4, maxLength: 12})
	.map((parts) => parts.join(''))
	.filter((secret) => secret.trim().length >= 8 && !/redacted/.test(secret));

describe('masking request secrets in errors', () => {
	it('no echoed form of a generated secret survives, in any field or status', () => {
		fc.assert(
			fc.property(secretArbitrary, fc.constantFrom(400, 403, 409, 422, 500), fc.boolean(), (secret, status, asJson) => {
				const forms = echoes(secret);
				const echoed = Object.entries(forms).map(([how, form]) => `${how}=${form}`).join(' | ');
				const bodyText = asJson
					? JSON.stringify({
							errorCode: 'E0000001',
							errorSummary: `Api validation failed: ${echoed}`,
							errorCauses: [
								{field: `database.password ${forms.raw}`, errorSummary: `could not connect with ${forms.json}`},
								{field: 'database.username', errorSummary: `rejected ${forms.basic} and ${forms.url}`},
							],
						})
					: `<html>upstream said: ${echoed}</html>`;
				const error = errorFromResponse({method: 'PUT', path: '/api/v2/auth-service', status, bodyText, secrets: [secret]});
				const shown = visible(error);
				for (const [how, form] of Object.entries(forms)) {
					if (form.length < 4) continue;
					expect(shown.includes(form), `${how} form of ${JSON.stringify(secret)} survived in ${shown}`).toBe(false);
					// JSON.stringify of the details re-escapes: look for the plain form in the message too.
					expect(error.message.includes(form), `${how} in message`).toBe(false);
				}
			}),
			{numRuns: 300},
		);
	});

	it('masks keys and nested fields of a recognised body, and keeps the rest readable', () => {
		const secret = 'Hunter2 "quoted" \\ 100% sûr';
		const bodyText = JSON.stringify({
			errorCode: 'E0000001',
			errorSummary: `Bad credentials ${secret}`,
			errorCauses: [{field: 'database.password', errorSummary: `value ${encodeURIComponent(secret)} refused`}],
		});
		const error = errorFromResponse({method: 'PUT', path: '/x', status: 400, bodyText, secrets: [secret]});
		expect(error.message).toBe('Bad credentials [redacted] (database.password: value [redacted] refused)');
		expect(error.fieldErrors()).toEqual({'database.password': 'value [redacted] refused'});
	});

	it('a secret cut by the summary limit leaves no prefix behind', () => {
		const secret = 'abcdefghijklmnopqrstuvwxyz-0123456789';
		const bodyText = JSON.stringify({errorCode: 'E1', errorSummary: `${'x'.repeat(190)} ${secret}`, errorCauses: []});
		const error = errorFromResponse({method: 'PUT', path: '/x', status: 400, bodyText, secrets: [secret]});
		expect(error.message).not.toContain('abcdefgh');
	});
});
