import type {Key} from 'ink';
import {keyName} from '../../actions/keys.js';
import {itemsOf, textOf, type FieldSpec, type FormSpec, type PickerItem} from './fieldSpecs.js';
import {isLastVisible, moveFocus, setValue, type FormState} from './formState.js';

// One keystroke in, the next form state (and what the admin asked for) out. Pure, so every field kind's
// editing is tested without a terminal. Submit and test keys are the form's registry actions (formActions.ts).

export type FormIntent = 'submit' | 'test' | undefined;
export type KeyResult = {state: FormState; intent: FormIntent};

export const FORM_KEYS = {submit: 'ctrl+s', test: 'ctrl+t', next: ['tab', 'down'], previous: ['shift+tab', 'up']} as const;

/** Text typed into a one-line field: control characters are dropped. */
const oneLine = (text: string): string => text.replace(/[\u0000-\u001f\u007f]/g, '');
/** A multi-line secret keeps its line breaks (pastes arrive with \r). */
const multiLine = (text: string): string => text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');

export function reduceFormKey(spec: FormSpec, s: FormState, input: string, key: Key, items: readonly PickerItem[] = []): KeyResult {
	const same: KeyResult = {state: s, intent: undefined};
	if (s.busy) return same;
	const name = keyName(input, key);
	const field = spec.fields[s.focus];
	if (name === FORM_KEYS.submit) return {state: s, intent: 'submit'};
	if (name === FORM_KEYS.test) return {state: s, intent: 'test'};
	if ((FORM_KEYS.next as readonly string[]).includes(name)) return {state: moveFocus(spec, s, 1), intent: undefined};
	if ((FORM_KEYS.previous as readonly string[]).includes(name)) return {state: moveFocus(spec, s, -1), intent: undefined};
	if (!field) return name === 'enter' ? {state: s, intent: 'submit'} : same;
	if (name === 'enter') return onEnter(spec, s, field);
	if (key.ctrl || key.meta || name === 'esc') return same;
	return {state: edit(spec, s, field, input, name, items), intent: undefined};
}

function onEnter(spec: FormSpec, s: FormState, field: FieldSpec): KeyResult {
	if (field.kind === 'secret' && field.multiline) {
		// Inside a paste a line break arrives as Enter; the field is done once the paste is complete.
		const value = textOf(s.values, field.name);
		if (value !== '' && !field.multiline.complete(value)) return {state: setValue(spec, s, field.name, value + '\n'), intent: undefined};
	}
	if (field.kind === 'list') {
		const entry = (s.entry[field.name] ?? '').trim();
		if (entry !== '') {
			const problem = field.checkItem?.(entry);
			if (problem) return {state: {...s, notes: {...s.notes, [field.name]: `${entry}: ${problem}`}}, intent: undefined};
			const added = setValue(spec, s, field.name, [...itemsOf(s.values, field.name), entry]);
			return {state: {...added, entry: {...added.entry, [field.name]: ''}}, intent: undefined};
		}
	}
	if (isLastVisible(spec, s)) return {state: {...s, touched: {...s.touched, [field.name]: true}}, intent: 'submit'};
	return {state: moveFocus(spec, s, 1), intent: undefined};
}

function edit(spec: FormSpec, s: FormState, field: FieldSpec, input: string, name: string, items: readonly PickerItem[]): FormState {
	switch (field.kind) {
		case 'choice':
			return cycle(spec, s, field.name, field.options.map(o => ({value: o.value, shown: o.value})), name, input);
		case 'picker':
			// A picker's ids are often UUIDs: a letter means the label the admin sees (the id when there is none).
			return cycle(spec, s, field.name, items.map(i => ({value: i.id, shown: i.label || i.id})), name, input);
		case 'list':
			return editList(spec, s, field.name, input, name);
		default:
			return editText(spec, s, field, input, name);
	}
}

function editText(spec: FormSpec, s: FormState, field: FieldSpec, input: string, name: string): FormState {
	const current = textOf(s.values, field.name);
	if (name === 'backspace') {
		const clear = field.kind === 'secret' && field.clearOnBackspace;
		return setValue(spec, s, field.name, clear ? '' : current.slice(0, -1));
	}
	if (name === 'left' || name === 'right') return s;
	const typed = field.kind === 'secret' && field.multiline ? multiLine(input) : oneLine(input);
	if (field.kind === 'number' && !/^-?\d*$/.test(typed)) {
		return {...s, notes: {...s.notes, [field.name]: 'Digits only.'}};
	}
	const next = current + typed;
	// Something that belongs in another field only (a private key) must never be shown here.
	const divert = spec.divert;
	if (divert && field.name !== divert.to && divert.startOf(next, input.length) >= 0) {
		return {...s, notes: {...s.notes, [field.name]: divert.message}};
	}
	return setValue(spec, s, field.name, next);
}

/** One option of a choice or picker: its value, and the text a typed letter is matched against. */
type CycleOption = {value: string; shown: string};

/** Choice and picker: ←/→ or Space step through the options; a typed letter jumps to the next whose text starts with it. */
function cycle(spec: FormSpec, s: FormState, fieldName: string, options: readonly CycleOption[], name: string, input: string): FormState {
	if (options.length === 0) return s;
	const current = textOf(s.values, fieldName);
	const at = options.findIndex(option => option.value === current);
	let next = at;
	if (name === 'right' || name === ' ') next = (at + 1) % options.length;
	else if (name === 'left') next = (at - 1 + options.length) % options.length;
	else if (input.length === 1 && /\S/.test(input)) {
		const lower = input.toLowerCase();
		for (let i = 1; i <= options.length; i++) {
			const candidate = (Math.max(at, 0) + i) % options.length;
			if (options[candidate]!.shown.toLowerCase().startsWith(lower)) {
				next = candidate;
				break;
			}
		}
	}
	return next === at || next < 0 ? s : setValue(spec, s, fieldName, options[next]!.value);
}

/** List editor: type an item on the entry line, Enter adds it; ←/→ highlight an item, Backspace on an empty line removes it. */
function editList(spec: FormSpec, s: FormState, fieldName: string, input: string, name: string): FormState {
	const items = itemsOf(s.values, fieldName);
	const entry = s.entry[fieldName] ?? '';
	const cursor = Math.min(s.itemCursor[fieldName] ?? items.length - 1, items.length - 1);
	if (name === 'left' || name === 'right') {
		const next = Math.max(0, Math.min(items.length - 1, cursor + (name === 'left' ? -1 : 1)));
		return {...s, itemCursor: {...s.itemCursor, [fieldName]: next}};
	}
	if (name === 'backspace') {
		if (entry !== '') return {...s, entry: {...s.entry, [fieldName]: entry.slice(0, -1)}};
		if (items.length === 0) return s;
		const removed = setValue(spec, s, fieldName, items.filter((_, i) => i !== cursor));
		return {...removed, itemCursor: {...removed.itemCursor, [fieldName]: Math.max(0, cursor - 1)}};
	}
	const typed = oneLine(input);
	if (typed === '') return s;
	return {...s, entry: {...s.entry, [fieldName]: entry + typed}, notes: {...s.notes, [fieldName]: undefined}, edited: {...s.edited, [fieldName]: true}};
}

/**
 * A burst that carries the start of a diverted paste (a private key in the host field, even split across
 * bursts as "-----BEG" + "IN PRIVATE KEY-----"): whatever of it already reached the focused field moves to
 * the target field with the focus, so the rest of the burst lands there too and no piece is ever shown.
 */
export function divertBurst(spec: FormSpec, s: FormState, burst: string): FormState {
	const divert = spec.divert;
	const field = spec.fields[s.focus];
	if (!divert || !field || field.name === divert.to || (field.kind !== 'text' && field.kind !== 'number' && field.kind !== 'secret')) return s;
	const target = spec.fields.findIndex(f => f.name === divert.to);
	if (target < 0) return s;
	const value = textOf(s.values, field.name);
	const start = divert.startOf(value + burst, burst.length);
	if (start < 0) return s;
	const kept = Math.min(start, value.length);
	const values = {...s.values, [field.name]: value.slice(0, kept), [divert.to]: value.slice(kept)};
	return {...s, focus: target, values, edited: {...s.edited, [divert.to]: true}};
}

const isText = (input: string, key: Key): boolean =>
	input.length > 0 &&
	!(key.return || key.tab || key.backspace || key.delete || key.escape || key.ctrl || key.meta) &&
	!(key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end);

/**
 * A burst of keystrokes (fast typing, tmux send-keys, a paste) through the reducer, in order. Each run of
 * text between navigation keys is checked for a diverted paste on its own: a burst holding "host⇥id⇥-----BEGIN…"
 * diverts the key when its run comes, after the Tabs moved on, not before; and the text of a run before
 * the key ("oag.example.com-----BEGIN…") still goes to the field that has the focus.
 */
export function reduceBurst(spec: FormSpec, s: FormState, keystrokes: ReadonlyArray<[string, Key]>, items: (state: FormState) => readonly PickerItem[]): KeyResult {
	let state = s;
	let intent: FormIntent;
	let divertAt = -1;
	let runEnd = -1;
	for (let i = 0; i < keystrokes.length; i++) {
		const [input, key] = keystrokes[i]!;
		if (isText(input, key) && (i === 0 || !isText(...keystrokes[i - 1]!))) {
			runEnd = i;
			while (runEnd < keystrokes.length && isText(...keystrokes[runEnd]!)) runEnd++;
			const offset = divertOffset(spec, state, runText(keystrokes, i, runEnd));
			divertAt = offset === undefined ? -1 : i + Math.max(0, offset);
		}
		if (i === divertAt) state = divertBurst(spec, state, runText(keystrokes, i, runEnd));
		const result = reduceFormKey(spec, state, input, key, items(state));
		state = result.state;
		intent ??= result.intent;
	}
	return {state, intent};
}

const runText = (keystrokes: ReadonlyArray<[string, Key]>, from: number, to: number): string =>
	keystrokes
		.slice(from, to)
		.map(([input]) => input)
		.join('');

/** Where in `run` the diverted text starts (negative: already in the field's value), or undefined. */
function divertOffset(spec: FormSpec, s: FormState, run: string): number | undefined {
	const divert = spec.divert;
	const field = spec.fields[s.focus];
	if (!divert || !field || field.name === divert.to || (field.kind !== 'text' && field.kind !== 'number' && field.kind !== 'secret')) return undefined;
	const value = textOf(s.values, field.name);
	const start = divert.startOf(value + run, run.length);
	return start < 0 ? undefined : start - value.length;
}
