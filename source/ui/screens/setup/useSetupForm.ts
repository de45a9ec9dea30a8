import {useInput} from 'ink';
import {useRef, useState} from 'react';
import {keyName} from '../../actions/keys.js';
import {appendTyped, profileFromHost, SETUP_FIELDS, SETUP_VALIDATORS, validateSetup, type SetupField, type SetupOutcome, type SetupService, type SetupValues} from './setupForm.js';
import type {OagStore} from '../../../store/createOagStore.js';

// ink-ui split: this file holds the form's state and its keyboard handling; SetupView only renders.

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

const EMPTY: SetupValues = {host: '', clientId: '', privateKeyPem: '', caFile: '', profile: ''};

export function useSetupForm(service: SetupService | undefined, onConnected: (store: OagStore) => void) {
	const [rendered, setRendered] = useState<SetupFormState>({values: EMPTY, focus: 0, touched: {}, serverErrors: {}, busy: false, progress: [], profileDerived: true});
	// Keys can arrive faster than React re-renders (a paste, fast typing): read and write through a ref
	// so every keystroke sees the result of the previous one.
	const current = useRef(rendered);
	const setState = (update: (s: SetupFormState) => SetupFormState) => {
		current.current = update(current.current);
		setRendered(current.current);
	};
	const state = rendered;
	const errorOf = (field: SetupField): string | undefined =>
		state.serverErrors[field] ?? (state.touched[field] ? SETUP_VALIDATORS[field](state.values[field]) : undefined);

	const submit = async (values: SetupValues) => {
		const errors = validateSetup(values);
		if (Object.keys(errors).length > 0) {
			setState(s => ({...s, touched: Object.fromEntries(SETUP_FIELDS.map(f => [f, true])), result: {ok: false, message: 'Some fields need attention.'}}));
			return;
		}
		if (!service) {
			setState(s => ({...s, result: {ok: false, message: 'Setup is not available here: run `oag-offline login` in a shell.'}}));
			return;
		}
		setState(s => ({...s, busy: true, progress: [], result: undefined, serverErrors: {}}));
		const outcome: SetupOutcome = await service
			.connect(values, line => setState(s => ({...s, progress: [...s.progress, line]})))
			.catch((error: unknown) => ({ok: false, message: error instanceof Error ? error.message : String(error)}));
		if (outcome.ok) {
			setState(s => ({...s, busy: false, result: {ok: true, message: outcome.note}}));
			onConnected(outcome.store);
			return;
		}
		setState(s => ({...s, busy: false, serverErrors: outcome.fieldErrors ?? {}, result: {ok: false, message: outcome.message}}));
	};

	useInput((input, key) => {
		const state = current.current;
		if (state.busy) return;
		const name = keyName(input, key);
		const field = SETUP_FIELDS[state.focus];
		const move = (delta: number) =>
			setState(s => {
				const left = SETUP_FIELDS[s.focus];
				const focus = (s.focus + delta + SETUP_FIELDS.length + 1) % (SETUP_FIELDS.length + 1);
				// The profile name follows the host until the admin types one of their own.
				const derived = left === 'host' && s.profileDerived && s.values.host !== '';
				const values = derived ? {...s.values, profile: profileFromHost(s.values.host)} : s.values;
				return {...s, values, focus, touched: left ? {...s.touched, [left]: true} : s.touched};
			});
		if (name === 'tab' || name === 'down') return move(1);
		if (name === 'shift+tab' || name === 'up') return move(-1);
		if (name === 'enter') {
			// Inside a key paste a lone Enter is a line break; the field is done once the END line arrived.
			if (field === 'privateKeyPem' && state.values.privateKeyPem !== '' && !state.values.privateKeyPem.includes('-----END PRIVATE KEY-----')) {
				setState(s => ({...s, values: {...s.values, privateKeyPem: s.values.privateKeyPem + '\n'}}));
				return;
			}
			if (field === undefined) return void submit(state.values);
			return move(1);
		}
		if (!field) return;
		if (name === 'backspace') {
			// Backspace on the key clears the whole paste: half a key is never useful.
			setState(s => ({
				...s,
				values: {...s.values, [field]: field === 'privateKeyPem' ? '' : s.values[field].slice(0, -1)},
				serverErrors: {...s.serverErrors, [field]: undefined},
				profileDerived: s.profileDerived && field !== 'profile',
			}));
			return;
		}
		if (key.ctrl || key.meta || name === 'esc') return;
		setState(s => ({
			...s,
			values: {...s.values, [field]: appendTyped(field, s.values[field], input)},
			serverErrors: {...s.serverErrors, [field]: undefined},
			profileDerived: s.profileDerived && field !== 'profile',
		}));
	});

	return {state, errorOf};
}
