import {fieldError, type FieldError} from './fieldError.js';

// Field validators shared by the forms (inline, as you type) and the simulator (what the gateway enforces).
// Each returns undefined when the value is fine, or a message a human can act on.

export type Validator<T> = (value: T) => string | undefined;

export const required: Validator<string> = value =>
	value.trim() === '' ? 'Required.' : undefined;

const hostLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

export const hostname: Validator<string> = value => {
	const v = value.trim();
	if (v === '') return 'Required.';
	if (v.length > 253) return 'A host name is at most 253 characters.';
	if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v)) {
		return v.split('.').every(octet => Number(octet) <= 255) ? undefined : 'Not a valid IPv4 address.';
	}
	const labels = v.split('.');
	if (!labels.every(label => hostLabel.test(label))) {
		return 'Use letters, digits, hyphens and dots (e.g. db.example.com).';
	}
	// A top-level label is never all digits (RFC 3696 2), so "10.0.1" is a mistyped address, not a name.
	if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return 'Not a valid IPv4 address or host name.';
	return undefined;
};

/** A public domain must be a fully qualified name (at least two labels), not an IP address. */
export const domainName: Validator<string> = value => {
	const problem = hostname(value);
	if (problem) return problem;
	if (/^[\d.]+$/.test(value.trim())) return 'Use a domain name, not an IP address.';
	if (!value.includes('.')) return 'Use a fully qualified domain name (e.g. offline.example.com).';
	return undefined;
};

export const port: Validator<number> = value =>
	Number.isInteger(value) && value >= 1 && value <= 65535 ? undefined : 'A port is a whole number from 1 to 65535.';

/** Parses a typed port; keeps the message for non-numbers distinct from out-of-range. */
export const portText: Validator<string> = value => {
	if (!/^\d+$/.test(value.trim())) return 'A port is a whole number from 1 to 65535.';
	return port(Number(value.trim()));
};

export const uuid: Validator<string> = value =>
	/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value.trim())
		? undefined
		: 'Expected an id like 123e4567-e89b-12d3-a456-426614174000.';

export const ldapUrl: Validator<string> = value => {
	const v = value.trim();
	const match = /^(ldaps?):\/\/([^/:]+)(?::(\d+))?\/?$/i.exec(v);
	if (!match) return 'Use ldap://host:389 or ldaps://host:636.';
	const host = hostname(match[2] ?? '');
	if (host) return `Host: ${host}`;
	return match[3] === undefined ? undefined : port(Number(match[3]));
};

/** A distinguished name: comma-separated attribute=value pairs. */
export const distinguishedName: Validator<string> = value => {
	const v = value.trim();
	if (v === '') return 'Required.';
	const parts = v.split(/(?<!\\),/);
	return parts.every(part => /^\s*[a-z][a-z0-9-]*\s*=\s*\S.*$/i.test(part))
		? undefined
		: 'Use attribute=value pairs separated by commas (e.g. ou=users,dc=example,dc=com).';
};

export const ldapFilter: Validator<string> = value => {
	const v = value.trim();
	if (!v.startsWith('(') || !v.endsWith(')')) return 'An LDAP filter is wrapped in parentheses, e.g. (objectClass=user).';
	let depth = 0;
	for (const char of v) {
		if (char === '(') depth++;
		if (char === ')') depth--;
		if (depth < 0) return 'Unbalanced parentheses.';
	}
	return depth === 0 ? undefined : 'Unbalanced parentheses.';
};

export const nonEmptyList: Validator<readonly string[]> = value =>
	value.length > 0 && value.every(item => item.trim() !== '') ? undefined : 'Give at least one value.';

/** Runs validators for named fields and collects the failures in field order. */
export function collect(checks: ReadonlyArray<[field: string, problem: string | undefined]>): FieldError[] {
	return checks.flatMap(([field, problem]) => (problem ? [fieldError(field, problem)] : []));
}
