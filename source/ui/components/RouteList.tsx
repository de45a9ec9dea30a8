import type {ReactNode} from 'react';
import {ListView} from './ListView.js';
import {usePageSize, type UsedList} from './useList.js';

// The list part of every list screen: the route's rows, cursor, filter, marks and sort (from useList)
// drawn by ListView, and the page size the shell's paging keys use. The screen keeps what is its own:
// the header and notes above, the empty text and the row renderer. Marks are always passed: a list whose
// rows cannot be marked never has any (the mark keys are disabled there).

type RouteListProps<R> = {
	list: UsedList<R>;
	height: number;
	empty: string;
	/** Keep it stable (useCallback): the list then re-renders only the rows that changed. */
	renderRow: (row: R, selected: boolean) => ReactNode;
};

const rowId = (row: {id: string}): string => row.id;

export function RouteList<R extends {id: string}>({list, height, empty, renderRow}: RouteListProps<R>) {
	usePageSize(height);
	return (
		<ListView
			rows={list.rows}
			cursor={list.cursor}
			height={height}
			filter={list.state.filter}
			total={list.all.length}
			marks={list.state.marks}
			sort={list.state.sort}
			fieldHint={list.fieldHint}
			empty={empty}
			rowKey={rowId}
			renderRow={renderRow}
		/>
	);
}
