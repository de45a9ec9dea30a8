import {Box} from 'ink';
import {displayWidth, elide, printable} from '../format/width.js';
import {Text} from '../theme/Text.js';
import type {ThemeToken} from '../theme/theme.js';
import type {SortState} from '../navigation/listState.js';
import {Tone} from '../theme/ThemeContext.js';
import {CURSOR_MARKER_WIDTH} from './ListView.js';

// Fixed-width columns for the resource lists: the header and every row share one spec, so they line up.
// The last column takes whatever width is left (no width given).

export type Column = {
	title: string;
	width?: number;
	/** The sort column id this column shows (see the list spec's sortColumns); the header marks it ▲/▼. */
	sortId?: string;
	/** Said after the title (a loading count); not part of the sort id. */
	note?: string;
};

const arrow = (column: Column, sort: SortState | undefined) =>
	sort && column.sortId === sort.column ? (sort.descending ? '▼' : '▲') : '';

/** Above a ListView: indented by its markers, so titles stand over their cells. */
export function ColumnHeader({columns, sort}: {columns: readonly Column[]; sort?: SortState}) {
	return (
		<Box paddingLeft={CURSOR_MARKER_WIDTH}>
			<ColumnRow columns={columns} cells={columns.map(column => ({text: `${column.title}${arrow(column, sort)}${column.note ?? ''}`, token: 'text.muted'}))} />
		</Box>
	);
}

/** One cell of a row: its text (from the gateway or not: it is made terminal-safe here) and its tone. */
export type Cell = string | {text: string; token?: ThemeToken; bold?: boolean};

/** `text` fitted to a column: cut with an ellipsis when longer, padded with spaces when shorter. */
export function fitColumn(text: string, width: number | undefined): string {
	const safe = printable(text);
	if (width === undefined) return safe;
	const cut = elide(safe, width);
	return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}

/**
 * A row of a resource list as ONE line of text: each cell fitted to its column, in its tone. Lists redraw
 * dozens of rows per keystroke, and a box and a text per cell (Ink nodes laid out, measured and walked on
 * every frame) made the rows most of a frame's work; one text per row draws the same columns.
 */
export function ColumnRow({columns, cells}: {columns: readonly Column[]; cells: readonly Cell[]}) {
	return (
		<Text wrap="truncate">
			{columns.map((column, index) => {
				const cell = cells[index] ?? '';
				const text = fitColumn(typeof cell === 'string' ? cell : cell.text, column.width);
				return typeof cell === 'string' || (!cell.token && !cell.bold) ? (
					text
				) : (
					<Tone key={column.title} token={cell.token} bold={cell.bold}>
						{text}
					</Tone>
				);
			})}
		</Text>
	);
}
