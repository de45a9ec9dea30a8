import type {Key} from 'ink';
import {keyName} from '../../actions/keys.js';
import {appendTyped, keyStartIndex, profileFromHost, SETUP_FIELDS, type SetupField, type SetupValues} from './setupForm.js';

// The Setup form's keyboard, as a pure reducer: one keystroke in, the next form state out.

export type SetupFormState = {
	values: SetupValues;
	focus: number; // index into SETUP_FIELDS, or SETUP_FIELDS.length for the submit button
	touched: Partial<Record<SetupField, boolean>>;
	serverErrors: Partial<Record<SetupField, string>>;
	busy: boolean;
	progress: string[];
	result?: {ok: boolean; message: string};
	/** The profile field still holds the name derived from the host. */
	profileDerived: boolean;
};

export const EMPTY_SETUP: SetupFormState = {
	values: {host: '', clientId: '', privateKeyPem: '', caFile: '', profile: ''},
	focus: 0,
	touched: {},
	serverErrors: {},
	busy: false,
	progress: [],
	profileDerived: true,
};

const KEY_MISPLACED = 'That looks like the private key: it was not put here. Paste it in the key field.';

function move(s: SetupFormState, delta: number): SetupFormState {
	const left = SETUP_FIELDS[s.focus];
	const focus = (s.focus + delta + SETUP_FIELDS.length + 1) % (SETUP_FIELDS.length + 1);
	// The profile name follows the host until the admin types one of their own.
	const derived = left === 'host' && s.profileDerived && s.values.host !== '';
	const values = derived ? {...s.values, profile: profileFromHost(s.values.host)} : s.values;
	return {...s, values, focus, touched: left ? {...s.touched, [left]: true} : s.touched};
}

function edit(s: SetupFormState, field: SetupField, value: string, error?: string): SetupFormState {
	return {
		...s,
		values: {...s.values, [field]: value},
		serverErrors: {...s.serverErrors, [field]: error},
		profileDerived: s.profileDerived && field !== 'profile',
	};
}

/** Setup succeeded: the key now lives in its store and the connection; the form keeps no copy of it. */
export function setupSucceeded(s: SetupFormState, note: string): SetupFormState {
	return {...s, busy: false, values: {...s.values, privateKeyPem: ''}, result: {ok: true, message: note}};
}

export type SetupKeyResult = {state: SetupFormState; submit: boolean};

export function reduceSetupKey(s: SetupFormState, input: string, key: Key): SetupKeyResult {
	const same = {state: s, submit: false};
	if (s.busy) return same;
	const name = keyName(input, key);
	const field = SETUP_FIELDS[s.focus];
	if (name === 'tab' || name === 'down') return {state: move(s, 1), submit: false};
	if (name === 'shift+tab' || name === 'up') return {state: move(s, -1), submit: false};
	if (name === 'enter') {
		// Inside a key paste a line break arrives as Enter; the field is done once the END line arrived.
		const pem = s.values.privateKeyPem;
		if (field === 'privateKeyPem' && pem !== '' && !pem.includes('-----END PRIVATE KEY-----')) {
			return {state: edit(s, field, pem + '\n'), submit: false};
		}
		if (field === undefined) return {state: s, submit: true};
		return {state: move(s, 1), submit: false};
	}
	if (!field || key.ctrl || key.meta || name === 'esc') return same;
	// Backspace on the key clears the whole paste: half a key is never useful.
	if (name === 'backspace') return {state: edit(s, field, field === 'privateKeyPem' ? '' : s.values[field].slice(0, -1)), submit: false};
	const next = appendTyped(field, s.values[field], input);
	// A key pasted into the wrong field must never be shown on screen.
	if (field !== 'privateKeyPem' && keyStartIndex(next, input.length) >= 0) return {state: edit(s, field, s.values[field], KEY_MISPLACED), submit: false};
	return {state: edit(s, field, next), submit: false};
}
