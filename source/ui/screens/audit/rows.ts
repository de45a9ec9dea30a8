import type {AuditEntry} from '../../../audit/entry.js';
import {printable, summarizeChange, targetText} from '../../../domain/changeSummary.js';
import {matchesFilter} from '../../../store/selectors.js';
import type {OagState} from '../../../store/state.js';

// The audit log as rows, newest first: the last change is what an admin looks for during an incident.

export type AuditRow = {
	id: string;
	label: string;
	entry: AuditEntry;
	when: string;
	who: string;
	target: string;
	change: string;
};

const NO_ENTRIES: readonly AuditEntry[] = [];

/** Local month-day and time to the second (the year is in the file and in `oag-offline audit`). */
export function localTime(iso: string): string {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return printable(iso);
	const d = new Date(ms);
	const two = (n: number) => String(n).padStart(2, '0');
	return `${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

export function auditRows(state: Pick<OagState, 'audit'>, filter: string): AuditRow[] {
	const entries = state.audit?.entries ?? NO_ENTRIES;
	const rows: AuditRow[] = [];
	for (let index = entries.length - 1; index >= 0; index--) {
		const entry = entries[index]!;
		const row: AuditRow = {
			id: `${index}`,
			label: `${entry.action} ${targetText(entry.target)}`,
			entry,
			when: localTime(entry.time),
			who: printable(`${entry.user}@${entry.profile}`),
			target: targetText(entry.target),
			change: summarizeChange(entry),
		};
		if (matchesFilter(filter, row.when, row.who, entry.action, row.target, row.change, entry.outcome, entry.gateway)) rows.push(row);
	}
	return rows;
}
