import type {OagState} from '../../store/state.js';
import type {SortState} from '../navigation/listState.js';
import {matchesTerms, parseFilter, searchable, unknownFields, type SearchableRow} from './filterQuery.js';

// Rows of a list screen, computed once per (slices, filter, sort) and shared by the view, the action
// context and the shell: a key press that changes none of the three costs a few reference compares.

export type ListRow = {id: string; label: string};

export type SortColumn<R> = {
	/** Shown in the column header and the counter line; also the id `s` cycles through. */
	id: string;
	value: (row: R) => string | number | undefined;
};

export type ListSpec<R extends ListRow> = {
	/** The slices the rows derive from; the rows are rebuilt only when one of these references changes. */
	sources: (state: OagState) => readonly unknown[];
	build: (state: OagState) => R[];
	/** Free text and named fields for the `/` filter (`state:TEST`). */
	search: (row: R) => {text: ReadonlyArray<string | undefined>; fields: Readonly<Record<string, string | undefined>>};
	/** Field names the filter knows on this list, lower case. */
	fields: readonly string[];
	sortColumns: ReadonlyArray<SortColumn<R>>;
	/** Rows can be marked with Space and acted on together. */
	markable: boolean;
};

export type ListResult<R> = {
	/** Every row, unfiltered, in the gateway's order. */
	all: readonly R[];
	/** After the filter and the sort: what the list shows and the cursor indexes. */
	rows: readonly R[];
	/** Set when the filter names a field this list does not have (a typo like `stat:`): the fields it has. */
	fieldHint?: string;
};

export type RowsSelector<R> = (state: OagState, filter: string, sort: SortState | undefined) => ListResult<R>;

const sameRefs = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const collator = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});

export function sortRows<R>(rows: readonly R[], column: SortColumn<R>, descending: boolean): R[] {
	// Keys read once per row, not once per comparison; rows without a value go last either way.
	const keyed = rows.map((row, index) => ({row, index, key: column.value(row)}));
	const direction = descending ? -1 : 1;
	keyed.sort((a, b) => {
		if (a.key === undefined || b.key === undefined) return a.key === b.key ? a.index - b.index : a.key === undefined ? 1 : -1;
		const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
		return order === 0 ? a.index - b.index : order * direction;
	});
	return keyed.map(k => k.row);
}

/** A selector with its memo: returns the same ListResult object while slices, filter and sort are the same. */
export function rowsSelector<R extends ListRow>(spec: ListSpec<R>): RowsSelector<R> {
	const known = new Set(spec.fields);
	let built: {sources: readonly unknown[]; all: R[]} | undefined;
	let index: {all: readonly R[]; searchable: SearchableRow[]} | undefined;
	let result: {all: readonly R[]; filter: string; sort: SortState | undefined; value: ListResult<R>} | undefined;

	const allRows = (state: OagState): R[] => {
		const sources = spec.sources(state);
		if (!built || !sameRefs(built.sources, sources)) built = {sources, all: spec.build(state)};
		return built.all;
	};
	// The lower-cased search text is built only once a filter is typed, and then once per row set.
	const searchIndex = (all: readonly R[]): SearchableRow[] => {
		if (!index || index.all !== all) {
			index = {
				all,
				searchable: all.map(row => {
					const {text, fields} = spec.search(row);
					return searchable(text, fields);
				}),
			};
		}
		return index.searchable;
	};

	return (state, filter, sort) => {
		const all = allRows(state);
		if (result && result.all === all && result.filter === filter && result.sort?.column === sort?.column && result.sort?.descending === sort?.descending) {
			return result.value;
		}
		const terms = parseFilter(filter);
		let rows: readonly R[] = all;
		if (terms.length > 0) {
			const rowsText = searchIndex(all);
			rows = all.filter((_, i) => matchesTerms(terms, rowsText[i]!, known));
		}
		const column = sort ? spec.sortColumns.find(c => c.id === sort.column) : undefined;
		if (column && sort) rows = sortRows(rows, column, sort.descending);
		const unknown = unknownFields(terms, known);
		const fieldHint = unknown.length > 0 ? `no field ${unknown.join(', ')}: here ${spec.fields.join(' ')}` : undefined;
		result = {all, filter, sort, value: fieldHint ? {all, rows, fieldHint} : {all, rows}};
		return result.value;
	};
}
