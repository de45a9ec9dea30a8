import {Box} from 'ink';
import {useCallback, useEffect, useMemo} from 'react';
import {ColumnHeader, ColumnRow, type Column} from '../../components/Columns.js';
import {CURSOR_MARKER_WIDTH} from '../../components/ListView.js';
import {RouteList} from '../../components/RouteList.js';
import {useList} from '../../components/useList.js';
import {useOag, useOagStore} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import type {ThemeToken} from '../../theme/theme.js';
import {selectAuditRows, type AuditRow} from './rows.js';

// `:audit`: every change attempted from this machine, newest first, refused and failed ones included.

const TIME_WIDTH = 15;
const OUTCOME_WIDTH = 18;

/** The text cut to one less than the column, with an ellipsis when cut: one space always separates cells. */
const fit = (text: string, width: number): string => (text.length < width ? text : `${text.slice(0, Math.max(0, width - 2))}…`);

const OUTCOME_TONE: Record<string, ThemeToken> = {
	ok: 'status.ok',
	refused: 'status.warn',
	'not-confirmed': 'status.warn',
	invalid: 'status.error',
	failed: 'status.error',
	'verify-mismatch': 'status.error',
};

export function AuditView({width, height}: {width: number; height: number}) {
	const store = useOagStore();
	const audit = useOag(s => s.audit);
	const list = useList(selectAuditRows, 'audit');
	useEffect(() => {
		void store.loadAudit();
	}, [store]);
	// Fixed columns first; what is left goes 40/40/20 to target, change and who. Cells stop one short of
	// their width so neighbours never run together.
	const free = Math.max(30, width - CURSOR_MARKER_WIDTH - TIME_WIDTH - OUTCOME_WIDTH);
	const targetWidth = Math.floor(free * 0.4);
	const changeWidth = Math.floor(free * 0.4);
	const columns: Column[] = useMemo(
		() => [
			{title: 'TIME', sortId: 'TIME', width: TIME_WIDTH},
			{title: 'OUTCOME', sortId: 'OUTCOME', width: OUTCOME_WIDTH},
			{title: 'TARGET', sortId: 'TARGET', width: targetWidth},
			{title: 'CHANGE', width: changeWidth},
			{title: 'WHO'},
		],
		[targetWidth, changeWidth],
	);
	const renderRow = useCallback(
		(row: AuditRow) => (
			<ColumnRow
				columns={columns}
				cells={[
					fit(row.when, TIME_WIDTH),
					{text: `[${row.entry.outcome}]`, token: OUTCOME_TONE[row.entry.outcome] ?? 'text.muted', bold: true},
					fit(row.target, targetWidth),
					fit(row.change, changeWidth),
					row.who,
				]}
			/>
		),
		[columns, targetWidth, changeWidth],
	);
	const notes = [
		audit?.status.state === 'error' ? <Tone key="error" token="status.error">{`[ERROR] ${audit.status.error}`}</Tone> : null,
		audit && audit.skipped > 0 ? <Tone key="skipped" token="status.warn">{`${audit.skipped} damaged line(s) left out`}</Tone> : null,
	].filter(Boolean);
	const listHeight = height - 1 - notes.length;
	const loading = !audit || audit.status.state === 'idle' || (audit.status.state === 'loading' && audit.entries.length === 0);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ColumnHeader columns={columns} sort={list.state.sort} />
			{notes}
			<RouteList
				list={list}
				height={listHeight}
				empty={loading ? 'Reading the audit log…' : `No changes recorded yet${audit?.location ? ` (${audit.location})` : ''}.`}
				renderRow={renderRow}
			/>
		</Box>
	);
}
