import {useEffect} from 'react';
import type {ListResult, RowsSelector} from '../lists/listRows.js';
import {cursorOf, EMPTY_LIST, type ListState} from '../navigation/listState.js';
import {useNav, useOag, useShell} from '../shell/ShellContext.js';
import {visibleRowCount} from './ListView.js';

export type UsedList<R> = ListResult<R> & {state: ListState; cursor: number};

/**
 * A list screen's rows for its route: the memoised selector returns the same object until the slices,
 * the filter or the sort change, so neither a render nor a key press rebuilds 5,000 rows.
 */
export function useList<R extends {id: string}>(select: RowsSelector<R>, key: string): UsedList<R> {
	const state = useNav(s => s.lists[key] ?? EMPTY_LIST);
	const result = useOag(s => select(s, state.filter, state.sort));
	return {...result, state, cursor: cursorOf(state, result.rows)};
}

/** Tells the shell how many rows the list shows, for PgUp/PgDn and Ctrl-d/Ctrl-u. */
export function usePageSize(listHeight: number): void {
	const {nav} = useShell();
	const rows = visibleRowCount(listHeight);
	useEffect(() => nav.setPageSize(rows), [nav, rows]);
}
