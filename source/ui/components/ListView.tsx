import {Box} from 'ink';
import {Text} from '../theme/Text.js';
import {memo, type ReactNode} from 'react';
import type {SortState} from '../navigation/listState.js';
import {Tone, useTheme} from '../theme/ThemeContext.js';

// The generic list of every resource screen (k9s style): only the rows that fit are rendered, the
// cursor shows as `>` (and a background when there is colour), a marked row as `*`, and a counter line
// says how many rows match, how many are marked and how the list is sorted.

export type ListViewProps<T> = {
	rows: readonly T[];
	cursor: number;
	height: number;
	filter?: string;
	/** The whole list before filtering, for "3 of 12". */
	total: number;
	empty: string;
	renderRow: (row: T, selected: boolean) => ReactNode;
	rowKey: (row: T) => string;
	marks?: ReadonlySet<string>;
	sort?: SortState;
	/** The filter names a field the list lacks: which fields it has. */
	fieldHint?: string;
};

/** Width of the cursor and mark markers before every row; headers above a list indent by it. */
export const CURSOR_MARKER_WIDTH = 2;

/** The rows a list of `height` lines shows: the counter line takes one. */
export const visibleRowCount = (height: number): number => Math.max(1, height - 1);

export function windowStart(cursor: number, count: number, height: number): number {
	if (count <= height) return 0;
	return Math.max(0, Math.min(count - height, cursor - Math.floor(height / 2)));
}

export const sortLabel = (sort: SortState): string => `${sort.column}${sort.descending ? '▼' : '▲'}`;

export function counterText(options: {shown: number; total: number; filter?: string; marked: number; sort?: SortState; fieldHint?: string}): string {
	const parts = [options.filter ? `${options.shown} of ${options.total} match /${options.filter}` : `${options.total} rows`];
	if (options.marked > 0) parts.push(`${options.marked} marked`);
	if (options.sort) parts.push(`sorted by ${sortLabel(options.sort)}`);
	if (options.fieldHint) parts.push(options.fieldHint);
	return parts.join(' · ');
}

type LineProps = {
	row: unknown;
	selected: boolean;
	marked: boolean;
	background: string | undefined;
	renderRow: (row: never, selected: boolean) => ReactNode;
};

/**
 * One row with its markers. Memoised: moving the cursor re-renders the two rows it leaves and enters,
 * not the whole window (the view passes a stable renderRow).
 */
const Line = memo(function Line({row, selected, marked, background, renderRow}: LineProps) {
	return (
		<Box>
			<Text>{`${selected ? '>' : ' '}${marked ? '*' : ' '}`.padEnd(CURSOR_MARKER_WIDTH)}</Text>
			<Box flexGrow={1} backgroundColor={selected ? background : undefined}>
				{(renderRow as (row: unknown, selected: boolean) => ReactNode)(row, selected)}
			</Box>
		</Box>
	);
});

export function ListView<T>({rows, cursor, height, filter, total, empty, renderRow, rowKey, marks, sort, fieldHint}: ListViewProps<T>) {
	const theme = useTheme();
	const visible = visibleRowCount(height);
	const start = windowStart(cursor, rows.length, visible);
	const shown = rows.slice(start, start + visible);
	const counter = counterText({shown: rows.length, total, filter, marked: marks?.size ?? 0, sort, fieldHint});
	const background = theme.color('selection.background');
	return (
		<Box flexDirection="column" height={height}>
			{shown.length === 0 ? <Tone token="text.muted">{filter ? `Nothing matches /${filter}` : empty}</Tone> : null}
			{shown.map((row, i) => {
				const key = rowKey(row);
				return (
					<Line
						key={key}
						row={row}
						selected={start + i === cursor}
						marked={marks?.has(key) ?? false}
						background={background}
						renderRow={renderRow as LineProps['renderRow']}
					/>
				);
			})}
			<Box flexGrow={1} />
			<Tone token="text.muted" wrap="truncate">
				{counter}
				{rows.length > visible ? `  (${start + 1}-${start + shown.length})` : ''}
			</Tone>
		</Box>
	);
}
