import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {Tone, useTheme} from '../theme/ThemeContext.js';

// The generic list of every resource screen (k9s style): windowed to the rows it has, a cursor shown
// with a `>` marker (and a background when there is colour), and a line saying how many rows match.

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
};

/** Width of the cursor marker before every row; headers above a list indent by it. */
export const CURSOR_MARKER_WIDTH = 2;

export function windowStart(cursor: number, count: number, height: number): number {
	if (count <= height) return 0;
	return Math.max(0, Math.min(count - height, cursor - Math.floor(height / 2)));
}

export function ListView<T>({rows, cursor, height, filter, total, empty, renderRow, rowKey}: ListViewProps<T>) {
	const theme = useTheme();
	const visible = Math.max(1, height - 1);
	const start = windowStart(cursor, rows.length, visible);
	const shown = rows.slice(start, start + visible);
	const counter = filter ? `${rows.length} of ${total} match /${filter}` : `${total} rows`;
	return (
		<Box flexDirection="column" height={height}>
			{shown.length === 0 ? <Tone token="text.muted">{filter ? `Nothing matches /${filter}` : empty}</Tone> : null}
			{shown.map((row, i) => {
				const selected = start + i === cursor;
				return (
					<Box key={rowKey(row)}>
						<Text>{(selected ? '>' : '').padEnd(CURSOR_MARKER_WIDTH)}</Text>
						<Box flexGrow={1} backgroundColor={selected ? theme.color('selection.background') : undefined}>
							{renderRow(row, selected)}
						</Box>
					</Box>
				);
			})}
			<Box flexGrow={1} />
			<Tone token="text.muted">
				{counter}
				{rows.length > visible ? `  (${start + 1}-${start + shown.length})` : ''}
			</Tone>
		</Box>
	);
}
