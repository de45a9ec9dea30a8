// What a list remembers per route: its filter, cursor, sort and marked rows. Pure updates, so the
// navigation store stays a thin shell and these rules are tested on their own.

export type SortState = {readonly column: string; readonly descending: boolean};

export type ListState = {
	readonly filter: string;
	/** Index into the rows as shown; used when the selected row is not among them. */
	readonly cursor: number;
	/**
	 * The row the admin chose: the cursor follows it when a sort, a filter or a load moves it, so the
	 * selection does not jump to another item while app states arrive under a sort by STATE.
	 */
	readonly selectedId?: string;
	readonly sort?: SortState;
	/** Ids of the marked rows (Space); they stay marked when a filter hides them. */
	readonly marks: ReadonlySet<string>;
};

const NO_MARKS: ReadonlySet<string> = new Set();

/** The state of a list never visited: one shared object, so selectors return a stable reference. */
export const EMPTY_LIST: ListState = Object.freeze({filter: '', cursor: 0, marks: NO_MARKS});

/** The cursor as shown: inside the rows when anything matches, so a filter always leaves a row selected. */
export const clampCursor = (cursor: number, count: number): number => (count <= 0 ? 0 : Math.max(0, Math.min(count - 1, cursor)));

export type RowIds = ReadonlyArray<{readonly id: string}>;

/** Where the cursor is in these rows: on the chosen row when it is shown, else clamped into the rows. */
export function cursorOf(list: ListState, rows: RowIds): number {
	if (list.selectedId !== undefined) {
		if (rows[list.cursor]?.id === list.selectedId) return list.cursor;
		const index = rows.findIndex(row => row.id === list.selectedId);
		if (index >= 0) return index;
	}
	return clampCursor(list.cursor, rows.length);
}

export function setCursor(list: ListState, index: number, rows: RowIds): ListState {
	const cursor = clampCursor(index, rows.length);
	const selectedId = rows[cursor]?.id;
	return cursor === list.cursor && selectedId === list.selectedId ? list : {...list, cursor, selectedId};
}

export const moveCursor = (list: ListState, delta: number, rows: RowIds): ListState => setCursor(list, cursorOf(list, rows) + delta, rows);

export const setFilter = (list: ListState, filter: string): ListState => (filter === list.filter ? list : {...list, filter});

export function toggleMark(list: ListState, id: string): ListState {
	const marks = new Set(list.marks);
	if (!marks.delete(id)) marks.add(id);
	return {...list, marks};
}

/** Marks every given row (the filtered ones), keeping marks already made. */
export function markAll(list: ListState, ids: readonly string[]): ListState {
	if (ids.every(id => list.marks.has(id))) return list;
	return {...list, marks: new Set([...list.marks, ...ids])};
}

export const clearMarks = (list: ListState): ListState => (list.marks.size === 0 ? list : {...list, marks: NO_MARKS});

/** `s`: no sort -> first column -> next ... -> back to the gateway's order. */
export function cycleSort(list: ListState, columns: readonly string[]): ListState {
	if (columns.length === 0) return list;
	const index = list.sort ? columns.indexOf(list.sort.column) : -1;
	const column = columns[index + 1];
	return {...list, sort: column === undefined ? undefined : {column, descending: false}};
}

/** `S`: reverse the sort (sorting by the first column when there was none). */
export function reverseSort(list: ListState, columns: readonly string[]): ListState {
	if (list.sort) return {...list, sort: {...list.sort, descending: !list.sort.descending}};
	const column = columns[0];
	return column === undefined ? list : {...list, sort: {column, descending: true}};
}
