import {wrappedRows} from '../../format/wrappedRows.js';
import {isVisible, itemsOf, type FormSpec} from './fieldSpecs.js';
import type {FormState} from './formState.js';
import {scrollWindow} from './scrollWindow.js';

// What the form shows in the rows it has, decided before Ink draws it (a frame taller than its box makes
// Ink squeeze rows into each other, and the last fields fall below the footer). In order of giving way:
// full (every error spelled out, the focused field's hint, spacing), compact (only the focused field's
// error spelled out, the others a ✗ before their label; a list's items on its label's row unless it has
// the focus; no hints, no spacing, only the last progress line), then a scroll window over the fields.
// The button and the outcome lines stay below the window.

/** Width of the label column, and where values, notes and list items start. */
export const LABEL_WIDTH = 22;
export const VALUE_COLUMN = LABEL_WIDTH + 2;

export type FormLayoutInput = {
	spec: FormSpec;
	state: FormState;
	errorOf: (name: string) => string | undefined;
	/** The rows and columns the form may use; no height: everything, at full size. */
	height?: number;
	width?: number;
};

export type FormLayout = {
	full: boolean;
	/** Indexes into spec.fields of the fields on screen, in order. */
	shown: readonly number[];
	/** Visible fields scrolled out of sight above and below the window (each side's indicator takes a row). */
	above: Hidden;
	below: Hidden;
};

/** Fields out of sight on one side, and how many of them have an error (their ✗ is out of sight too). */
export type Hidden = {count: number; toFix: number};

export function formLayout(input: FormLayoutInput): FormLayout {
	const {spec, state, height} = input;
	const visible = spec.fields.flatMap((field, i) => (isVisible(field, state.values) ? [i] : []));
	const none: Hidden = {count: 0, toFix: 0};
	const all = {shown: visible, above: none, below: none};
	if (height === undefined) return {full: true, ...all};
	// Each field's error once: errorOf validates the whole form, and this runs on every keystroke's frame.
	const errors = new Map(visible.map(i => [i, input.errorOf(spec.fields[i]!.name)]));
	const full = sumOf(visible.map(i => fieldRows(input, i, errors.get(i), true))) + buttonRows(true) + statusRows(input, true) <= height;
	if (full) return {full, ...all};
	const heights = visible.map(i => fieldRows(input, i, errors.get(i), false));
	// The button (focus past the last field) shows the last fields; a hidden focused field, the next visible one.
	const at = visible.findIndex(i => i >= state.focus);
	const window = scrollWindow(heights, at === -1 ? visible.length : at, height - buttonRows(false) - statusRows(input, false));
	const hidden = (fields: readonly number[]): Hidden => ({count: fields.length, toFix: fields.filter(i => errors.get(i)).length});
	return {full, shown: visible.slice(window.start, window.end), above: hidden(visible.slice(0, window.start)), below: hidden(visible.slice(window.end))};
}

/** The indicator for fields out of sight (Tab and Shift+Tab bring them in); empty when none are. */
export function moreText(hidden: Hidden, direction: 'above' | 'below'): string {
	if (hidden.count === 0) return '';
	const fields = `${direction === 'above' ? '↑' : '↓'} ${hidden.count} more field${hidden.count === 1 ? '' : 's'}`;
	return hidden.toFix === 0 ? fields : `${fields}, ${hidden.toFix} to fix`;
}

/** Compact: a list without the focus shows its items on its label's row (the focused one lists them, to pick one). */
export const foldsItems = (full: boolean, focused: boolean): boolean => !full && !focused;

/** A field's label row, its list items, and its spelled-out error (or, at full size, the focused field's hint). */
function fieldRows({spec, state, width = 80}: FormLayoutInput, index: number, error: string | undefined, full: boolean): number {
	const field = spec.fields[index]!;
	const focused = state.focus === index;
	const noteWidth = width - VALUE_COLUMN;
	let rows = 1 + (field.kind === 'list' && !foldsItems(full, focused) ? itemsOf(state.values, field.name).length : 0);
	if (error) rows += full || focused ? wrappedRows(error, noteWidth) : 0;
	else if (full && focused && field.hint) rows += wrappedRows(field.hint, noteWidth);
	return rows;
}

/** The submit button, after a blank row at full size. */
const buttonRows = (full: boolean): number => (full ? 2 : 1);

/** Working…, progress, the outcome and form-level errors; at full size after a blank row. */
function statusRows({state, width = 80}: FormLayoutInput, full: boolean): number {
	const lines = [...(full ? state.progress : state.progress.slice(-1)), ...(state.result ? [state.result.message] : []), ...state.formErrors];
	const rows = (state.busy ? 1 : 0) + sumOf(lines.map(line => wrappedRows(line, width)));
	return rows > 0 && full ? rows + 1 : rows;
}

const sumOf = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
