import {readFile, stat} from 'node:fs/promises';
import type {Readable} from 'node:stream';
import type {z} from 'zod';
import {readAll} from './io.js';
import {CommandFailure, EXIT} from './run.js';

// `--file BODY.json` (`-` for stdin): the API's own JSON body, as in the guide's curl lines. The body is
// built as base < file < flags (the gateway's current values, then the file, then each flag given), and
// checked with the request's zod schema before anything is sent. Every problem is a usage error (exit 2)
// that names the file and the field, never a value: a body may hold a DB password or a bind credential.

/** A body file is a few hundred bytes; anything this big is the wrong file. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type BodySources = {
	/** What --file named: a path, or `-` for stdin. */
	file?: string;
	/** The starting point, e.g. the gateway's current value for a full-replace PUT. */
	base?: unknown;
	/** Fields from flags; undefined members are "not given" and leave the file's value. */
	overrides?: unknown;
};

const usage = (message: string): CommandFailure => new CommandFailure(message, EXIT.usage);

export async function readBodyFile(file: string, stdin: Readable): Promise<unknown> {
	const where = file === '-' ? 'the body on stdin' : `the body file ${file}`;
	let text: string | undefined;
	try {
		if (file === '-') text = await readAll(stdin, MAX_BODY_BYTES);
		else {
			if ((await stat(file)).size > MAX_BODY_BYTES) throw usage(`${where} is larger than ${MAX_BODY_BYTES} bytes`);
			text = await readFile(file, 'utf8');
		}
	} catch (error) {
		if (error instanceof CommandFailure) throw error;
		throw usage(`cannot read ${where}`);
	}
	if (text === undefined || text.length > MAX_BODY_BYTES) throw usage(`${where} is larger than ${MAX_BODY_BYTES} bytes`);
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		// V8's message quotes the text around the error, which may be a password: give the position only.
		const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
		throw usage(`${where} is not valid JSON${position === undefined ? '' : ` (${lineAndColumn(text, Number(position))})`}`);
	}
}

function lineAndColumn(text: string, position: number): string {
	const before = text.slice(0, position).split('\n');
	return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Objects merge member by member; anything else (arrays included) is replaced; undefined keeps the old value. */
export function mergeBody(base: unknown, over: unknown): unknown {
	if (over === undefined) return base;
	if (!isPlainObject(base) || !isPlainObject(over)) return over;
	const merged: Record<string, unknown> = {...base};
	for (const [key, value] of Object.entries(over)) {
		if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
		merged[key] = mergeBody(base[key], value);
	}
	return merged;
}

/** The body to send: base, file and flags merged, then parsed by the request schema. */
export async function buildBody<S extends z.ZodType>(schema: S, sources: BodySources, stdin: Readable): Promise<z.output<S>> {
	const fromFile = sources.file === undefined ? undefined : await readBodyFile(sources.file, stdin);
	if (fromFile !== undefined && !isPlainObject(fromFile)) {
		throw usage(`${sources.file === '-' ? 'the body on stdin' : `the body file ${sources.file}`} must hold a JSON object`);
	}
	const merged = mergeBody(mergeBody(sources.base, fromFile), sources.overrides);
	const parsed = schema.safeParse(merged);
	if (parsed.success) return parsed.data;
	const origin = sources.file === undefined ? 'the request body' : sources.file === '-' ? 'the body (stdin and flags)' : `the body (${sources.file} and flags)`;
	const problems = parsed.error.issues.slice(0, 8).map(issue => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`);
	throw usage(`${origin} is not a valid request: ${problems.join('; ')}`);
}
