import {terminalText} from './terminalText.js';

// How one recorded change reads in a line, for the :audit screen and `oag-offline audit` alike:
// "DISABLED -> AUTOMATIC" when the value is one field, compact JSON otherwise.

/** Control characters and escape sequences out: audit lines quote names that came from the gateway. */
export const printable = terminalText;

function valueText(value: unknown): string {
	if (value === undefined) return '?';
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		const fields = Object.values(value);
		if (fields.length === 1 && typeof fields[0] !== 'object') return String(fields[0]);
	}
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/** "before -> after"; the requested value stands in for an `after` that was never read (refused, failed). */
export function summarizeChange(change: {before?: unknown; after?: unknown; requested?: unknown}): string {
	const to = change.after === undefined ? `${valueText(change.requested)} (requested)` : valueText(change.after);
	return printable(change.before === undefined ? `-> ${to}` : `${valueText(change.before)} -> ${to}`);
}

export function targetText(target: {kind: string; id: string; name?: string}): string {
	return printable(target.name ? `${target.kind} ${target.name} (${target.id})` : `${target.kind} ${target.id}`);
}
