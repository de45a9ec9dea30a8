import {terminalLines} from '../domain/terminalText.js';
import type {CommandIo} from './io.js';

// One way to print: a result as text or as JSON (--json), and failures as one line or as a JSON error.
//
// Under --json a failure is `{"error": {"kind": "...", "message": "..."}}` on STDERR (plus `fields` for a
// gateway's per-field validation causes), and stdout stays empty: `cmd --json > out.json` never writes an
// error into the result file, and the exit code (0 ok, 1 failure, 2 usage, 3 auth/scope, 4 partial,
// 130 interrupted) says which stream to read.

export type ErrorReport = {kind: string; message: string; fields?: Record<string, string>};

const escapeChar = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text for the terminal: control characters (C0 except the tab and newline of the command's own layout,
 * DEL, C1, bidi controls) are shown as \u escapes by the same function as the TUI (domain/terminalText),
 * so a gateway's text never moves the cursor, sets the title or reorders what the admin reads.
 */
export const printable = terminalLines;

/**
 * JSON keeps every value exactly. JSON.stringify escapes C0 only; DEL, C1 and bidi controls are escaped too
 * (still valid JSON for the same value), so that `cat out.json` is as safe as the text output.
 */
export function jsonText(value: unknown, indent = 0): string {
	return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, escapeChar);
}

export function printResult<T>(io: CommandIo, json: boolean, result: T, text: (result: T) => string): void {
	if (json) {
		// One line per result: scripts read it with a line reader, jq pretty-prints it.
		io.stdout.write(`${jsonText(result)}\n`);
		return;
	}
	const out = printable(text(result));
	io.stdout.write(out.endsWith('\n') || out === '' ? out : `${out}\n`);
}

export function printError(io: CommandIo, json: boolean, report: ErrorReport): void {
	if (json) {
		io.stderr.write(`${jsonText({error: report})}\n`);
		return;
	}
	io.stderr.write(`oag-offline: ${printable(report.message)}\n`);
	for (const [field, message] of Object.entries(report.fields ?? {})) io.stderr.write(`  ${printable(field)}: ${printable(message)}\n`);
}
