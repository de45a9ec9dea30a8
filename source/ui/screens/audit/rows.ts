import type {AuditEntry} from '../../../audit/entry.js';
import {printable, summarizeChange, targetText} from '../../../domain/changeSummary.js';
import type {OagState} from '../../../store/state.js';
import {rowsSelector, type ListSpec} from '../../lists/listRows.js';
import type {ScreenList} from '../types.js';

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

function buildAuditRows(state: Pick<OagState, 'audit'>): AuditRow[] {
	const entries = state.audit?.entries ?? NO_ENTRIES;
	const rows: AuditRow[] = [];
	for (let index = entries.length - 1; index >= 0; index--) {
		const entry = entries[index]!;
		rows.push({
			id: `${index}`,
			label: `${entry.action} ${targetText(entry.target)}`,
			entry,
			when: localTime(entry.time),
			who: printable(`${entry.user}@${entry.profile}`),
			target: targetText(entry.target),
			change: summarizeChange(entry),
		});
	}
	return rows;
}

export const auditListSpec: ListSpec<AuditRow> = {
	sources: state => [state.audit?.entries],
	build: buildAuditRows,
	search: row => ({
		text: [row.when, row.who, row.entry.action, row.target, row.change, row.entry.outcome, row.entry.gateway],
		fields: {
			outcome: row.entry.outcome,
			action: row.entry.action,
			target: row.target,
			who: row.who,
			gateway: row.entry.gateway,
			profile: row.entry.profile,
		},
	}),
	fields: ['outcome', 'action', 'target', 'who', 'gateway', 'profile'],
	sortColumns: [
		{id: 'TIME', value: row => row.entry.time},
		{id: 'OUTCOME', value: row => row.entry.outcome},
		{id: 'TARGET', value: row => row.target},
	],
	markable: false,
};

export const selectAuditRows = rowsSelector(auditListSpec);

export const auditList: ScreenList = {
	select: selectAuditRows,
	sortColumns: auditListSpec.sortColumns.map(c => c.id),
	markable: false,
};
