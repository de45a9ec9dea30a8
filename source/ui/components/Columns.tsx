import {Box} from 'ink';
import {Children, type ReactNode} from 'react';
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

function Cells({columns, children}: {columns: readonly Column[]; children: ReactNode}) {
	const cells = Children.toArray(children);
	return (
		<Box>
			{columns.map((column, index) =>
				column.width === undefined ? (
					<Box key={column.title}>{cells[index]}</Box>
				) : (
					<Box key={column.title} width={column.width}>
						{cells[index]}
					</Box>
				),
			)}
		</Box>
	);
}

const arrow = (column: Column, sort: SortState | undefined) =>
	sort && column.sortId === sort.column ? (sort.descending ? '▼' : '▲') : '';

/** Above a ListView: indented by its markers, so titles stand over their cells. */
export function ColumnHeader({columns, sort}: {columns: readonly Column[]; sort?: SortState}) {
	return (
		<Box paddingLeft={CURSOR_MARKER_WIDTH}>
			<Cells columns={columns}>
				{columns.map(column => (
					<Tone key={column.title} token="text.muted" wrap="truncate">
						{`${column.title}${arrow(column, sort)}${column.note ?? ''}`}
					</Tone>
				))}
			</Cells>
		</Box>
	);
}

export function ColumnRow({columns, children}: {columns: readonly Column[]; children: ReactNode}) {
	return <Cells columns={columns}>{children}</Cells>;
}
