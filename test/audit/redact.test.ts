import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {isSecretField, redact, REDACTED} from '../../source/audit/redact.js';

// Redaction must hold for any shape a future operation records: a known secret placed anywhere in any
// value (as a field, inside a longer string, in an array) never survives.

const secretArb = fc.string({minLength: 6, maxLength: 40}).filter(s => s.trim().length >= 6 && !REDACTED.includes(s) && !s.includes('[RE'));

function plant(value: unknown, secret: string, path: number[]): unknown {
	if (path.length === 0 || value === null || typeof value !== 'object') return typeof value === 'string' ? `${value}${secret}${value}` : secret;
	const [step, ...rest] = path;
	if (Array.isArray(value)) {
		if (value.length === 0) return [secret];
		const i = step! % value.length;
		return value.map((v, j) => (j === i ? plant(v, secret, rest) : v));
	}
	const keys = Object.keys(value);
	if (keys.length === 0) return {planted: secret};
	const key = keys[step! % keys.length]!;
	return {...value, [key]: plant((value as Record<string, unknown>)[key], secret, rest)};
}

describe('redact', () => {
	it('removes a known secret wherever it is planted in any JSON value', () => {
		fc.assert(
			fc.property(fc.jsonValue(), secretArb, fc.array(fc.nat(), {maxLength: 6}), (value, secret, path) => {
				const planted = plant(value, secret, path);
				expect(JSON.stringify(redact(planted, [secret]))).not.toContain(JSON.stringify(secret).slice(1, -1));
			}),
			{numRuns: 300},
		);
	});

	it('blanks fields named like secrets whatever they hold, and keeps ordinary fields', () => {
		for (const name of ['password', 'bindPassword', 'bindCredential', 'clientSecret', 'access_token', 'privateKey', 'passphrase', 'Authorization', 'client_assertion']) {
			expect(isSecretField(name), name).toBe(true);
			expect(redact({[name]: {nested: 'x'}})).toEqual({[name]: REDACTED});
		}
		for (const name of ['mode', 'name', 'bindDn', 'connectionUrl', 'state', 'id']) expect(isSecretField(name), name).toBe(false);
		expect(redact({mode: 'AUTOMATIC', list: [1, 'a', null]})).toEqual({mode: 'AUTOMATIC', list: [1, 'a', null]});
	});
});
