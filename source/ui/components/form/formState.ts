import {emptyValues, isVisible, itemsOf, textOf, type FieldSpec, type FieldValue, type FormSpec, type FormValues} from './fieldSpecs.js';

// The form's state and every rule about it, pure: the input hook feeds keystrokes through formKeys.ts,
// the view renders what errorsOf says. A failed submit never clears a value: the admin fixes one field
// and tries again.

export type FormResult = {ok: boolean; message: string};

export type FormState = {
	values: FormValues;
	/** Index into spec.fields, or spec.fields.length for the submit button. */
	focus: number;
	/** Left once (shows its check), or submitted. */
	touched: Readonly<Record<string, boolean>>;
	/** Edited by the admin: its check runs as they type, and derived values stop overwriting it. */
	edited: Readonly<Record<string, boolean>>;
	/** A list editor's entry line, and its highlighted item (for removal). */
	entry: Readonly<Record<string, string>>;
	itemCursor: Readonly<Record<string, number>>;
	/** The gateway's (or the screen's) verdict on a field, until that field is edited. */
	serverErrors: Readonly<Record<string, string | undefined>>;
	/** Notes the kit puts on a field: a misplaced paste, a secret typed before leaving. */
	notes: Readonly<Record<string, string | undefined>>;
	/** Errors that belong to no field of this form (unknown gateway fields, a summary). */
	formErrors: readonly string[];
	busy: boolean;
	progress: readonly string[];
	result?: FormResult;
};

export function initialFormState(spec: FormSpec, initial: Partial<Record<string, FieldValue>> = {}): FormState {
	const values = emptyValues(spec, initial);
	return {
		values,
		focus: firstVisible(spec, values),
		touched: {},
		edited: {},
		entry: {},
		itemCursor: {},
		serverErrors: {},
		notes: {},
		formErrors: [],
		busy: false,
		progress: [],
	};
}

function firstVisible(spec: FormSpec, values: FormValues): number {
	const index = spec.fields.findIndex(field => isVisible(field, values));
	return index === -1 ? spec.fields.length : index;
}

export const focusedField = (spec: FormSpec, state: FormState): FieldSpec | undefined => spec.fields[state.focus];

/** The visible fields after the focused one (or before, delta -1), wrapping through the submit button. */
export function moveFocus(spec: FormSpec, state: FormState, delta: 1 | -1): FormState {
	const stops = spec.fields.length + 1;
	let focus = state.focus;
	for (let i = 0; i < stops; i++) {
		focus = (focus + delta + stops) % stops;
		const field = spec.fields[focus];
		if (!field || isVisible(field, state.values)) break;
	}
	const left = spec.fields[state.focus];
	const touched = left ? {...state.touched, [left.name]: true} : state.touched;
	return {...state, focus, touched};
}

/** The last visible field: Enter there submits, as in a web form. */
export function isLastVisible(spec: FormSpec, state: FormState): boolean {
	for (let i = state.focus + 1; i < spec.fields.length; i++) if (isVisible(spec.fields[i]!, state.values)) return false;
	return state.focus < spec.fields.length;
}

/** A new value for a field: its server error and note go (the admin acted on them); derived fields follow. */
export function setValue(spec: FormSpec, state: FormState, name: string, value: FieldValue, note?: string): FormState {
	const edited = {...state.edited, [name]: true};
	let values: FormValues = {...state.values, [name]: value};
	if (spec.derive) {
		const derived = spec.derive(values, new Set(Object.keys(edited).filter(key => edited[key])));
		values = {...values, ...(derived as Record<string, string>)};
	}
	return {
		...state,
		values,
		edited,
		serverErrors: {...state.serverErrors, [name]: undefined},
		notes: {...state.notes, [name]: note},
		result: undefined,
	};
}

/** Each visible field's own problem, then the cross-field rules (a field's own check wins). */
export function validate(spec: FormSpec, values: FormValues): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const field of spec.fields) {
		if (!isVisible(field, values)) continue;
		const problem = fieldProblem(field, values);
		if (problem) errors[field.name] = problem;
	}
	for (const [name, problem] of Object.entries(spec.rules?.(values) ?? {})) {
		const field = spec.fields.find(f => f.name === name);
		if (problem && field && isVisible(field, values) && !errors[name]) errors[name] = problem;
	}
	return errors;
}

function fieldProblem(field: FieldSpec, values: FormValues): string | undefined {
	if (field.kind === 'list') {
		const items = itemsOf(values, field.name);
		if (field.minItems !== undefined && items.length < field.minItems) {
			return `Add at least ${field.minItems} item${field.minItems === 1 ? '' : 's'}.`;
		}
		for (const item of items) {
			const problem = field.checkItem?.(item);
			if (problem) return `${item}: ${problem}`;
		}
		return field.check?.(items.join('\n'), values);
	}
	const text = textOf(values, field.name);
	if (field.kind === 'number' && text.trim() !== '') {
		const number = Number(text.trim());
		if (!/^-?\d+$/.test(text.trim())) return 'A whole number.';
		if (number < field.min || number > field.max) return `From ${field.min} to ${field.max}.`;
	}
	return field.check?.(text, values);
}

/**
 * What the view shows under a field: the gateway's verdict, a kit note, else the field's own problem once
 * the admin typed in it or left it (inline, as they type; an untouched empty form is not a wall of red).
 */
export function errorOf(spec: FormSpec, state: FormState, name: string): string | undefined {
	const shown = state.serverErrors[name] ?? state.notes[name];
	if (shown) return shown;
	// A multi-line paste in progress is not an error yet: that field is checked once left (or submitted).
	const field = spec.fields.find(f => f.name === name);
	const live = !(field?.kind === 'secret' && field.multiline);
	if (!state.touched[name] && !(live && state.edited[name])) return undefined;
	return validate(spec, state.values)[name];
}

/**
 * Text typed on a list editor's entry line but not added with Enter: a save would silently leave it out
 * (the admin typed a group name and pressed Ctrl+S), so it stops the submit with a note on the field.
 */
function pendingEntries(spec: FormSpec, state: FormState): Record<string, string> {
	const pending: Record<string, string> = {};
	for (const field of spec.fields) {
		const entry = (state.entry[field.name] ?? '').trim();
		if (field.kind === 'list' && entry !== '' && isVisible(field, state.values)) pending[field.name] = `${entry}: not added yet; Enter adds it (or clear the line).`;
	}
	return pending;
}

/** Before a submit or a test: every field counts as touched; focus goes to the first one in error. */
export function checkAll(spec: FormSpec, state: FormState): {state: FormState; ok: boolean} {
	const pending = pendingEntries(spec, state);
	const errors = {...validate(spec, state.values), ...pending};
	const names = Object.keys(errors);
	const touched = Object.fromEntries(spec.fields.map(field => [field.name, true]));
	if (names.length === 0) return {state: {...state, touched, formErrors: []}, ok: true};
	const first = spec.fields.findIndex(field => errors[field.name]);
	const notes = {...state.notes, ...pending};
	return {
		state: {...state, touched, notes, focus: first, formErrors: [], result: {ok: false, message: 'Some fields need attention.'}},
		ok: false,
	};
}

/**
 * A refusal placed on the form: errors keyed by field name (or by the gateway's name for it) go to that
 * field; any other key is shown at form level with its name, never dropped.
 */
export function placeFieldErrors(spec: FormSpec, errors: Readonly<Record<string, string>>): {onFields: Record<string, string>; unplaced: string[]} {
	const onFields: Record<string, string> = {};
	const unplaced: string[] = [];
	for (const [key, message] of Object.entries(errors)) {
		const field = spec.fields.find(f => f.name === key || f.gatewayField === key);
		if (field) onFields[field.name] = message;
		else unplaced.push(`${key}: ${message}`);
	}
	return {onFields, unplaced};
}

export type FormOutcome = {ok: true; message: string} | {ok: false; message: string; fieldErrors?: Readonly<Record<string, string>>};

/** Submit (or test) finished. A failure keeps every value; success forgets the secrets (they were used). */
export function finished(spec: FormSpec, state: FormState, outcome: FormOutcome, forgetSecrets: boolean): FormState {
	if (outcome.ok) {
		const values = {...state.values};
		if (forgetSecrets) for (const field of spec.fields) if (field.kind === 'secret') values[field.name] = '';
		return {...state, values, busy: false, result: {ok: true, message: outcome.message}};
	}
	const {onFields, unplaced} = placeFieldErrors(spec, outcome.fieldErrors ?? {});
	return {...state, busy: false, serverErrors: onFields, formErrors: unplaced, result: {ok: false, message: outcome.message}};
}

export const started = (state: FormState): FormState => ({...state, busy: true, progress: [], result: undefined, serverErrors: {}, formErrors: []});
