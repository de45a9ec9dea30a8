import type {z} from 'zod';
import {fieldError, type FieldError} from '../domain/fieldError.js';
import type {Validator} from '../domain/validators.js';
import {validationFailed} from './errors.js';

// Strict request validation: the zod request schema catches unknown fields, wrong types and bad enums;
// the domain validators (shared with the client's forms) catch bad values. All problems are reported
// together, one per field, so a client can show every bad field at once.

export type DomainCheck = (raw: unknown) => FieldError[];

/** The value at a dotted path of an untyped body, or undefined. */
export function valueAt(raw: unknown, path: string): unknown {
	let current: unknown = raw;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

/** Applies a validator to a field only when it has the right type (zod reports wrong types). */
export function checkString(raw: unknown, path: string, validator: Validator<string>): FieldError[] {
	const value = valueAt(raw, path);
	if (typeof value !== 'string') return [];
	const problem = validator(value);
	return problem ? [fieldError(path, problem)] : [];
}

export function checkNumber(raw: unknown, path: string, validator: Validator<number>): FieldError[] {
	const value = valueAt(raw, path);
	if (typeof value !== 'number') return [];
	const problem = validator(value);
	return problem ? [fieldError(path, problem)] : [];
}

export function checkStringList(raw: unknown, path: string, validator: Validator<readonly string[]>): FieldError[] {
	const value = valueAt(raw, path);
	if (!Array.isArray(value) || !value.every(item => typeof item === 'string')) return [];
	const problem = validator(value as string[]);
	return problem ? [fieldError(path, problem)] : [];
}

function zodProblems(issues: readonly z.core.$ZodIssue[]): FieldError[] {
	const problems: FieldError[] = [];
	for (const issue of issues) {
		const base = issue.path.map(String).join('.');
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) problems.push(fieldError(base ? `${base}.${key}` : key, 'Unknown field.'));
			continue;
		}
		const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
		problems.push(fieldError(base || 'body', missing ? 'Required.' : issue.message));
	}
	return problems;
}

/** One problem per field, the first one found. */
function firstPerField(problems: readonly FieldError[]): FieldError[] {
	const seen = new Set<string>();
	return problems.filter(p => (seen.has(p.field) ? false : (seen.add(p.field), true)));
}

/** Parses a request body or throws the 400 with per-field causes. */
export function parseRequest<S extends z.ZodType>(schema: S, raw: unknown, ...checks: DomainCheck[]): z.infer<S> {
	const parsed = schema.safeParse(raw);
	const problems = parsed.success ? [] : zodProblems(parsed.error.issues);
	for (const check of checks) problems.push(...check(raw));
	const unique = firstPerField(problems);
	if (unique.length > 0 || !parsed.success) throw validationFailed(unique);
	return parsed.data as z.infer<S>;
}
