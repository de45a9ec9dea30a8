import {useInput} from 'ink';
import {useRef, useState} from 'react';
import type {OagStore} from '../../../store/createOagStore.js';
import {splitKeystrokes} from '../../shell/keystrokes.js';
import {keyStartIndex, SETUP_FIELDS, SETUP_VALIDATORS, validateSetup, type SetupField, type SetupOutcome, type SetupService, type SetupValues} from './setupForm.js';
import {EMPTY_SETUP, reduceSetupKey, setupSucceeded, type SetupFormState} from './setupKeys.js';

// ink-ui split: this hook holds the form's state and wires the keyboard reducer; SetupView only renders.

export function useSetupForm(service: SetupService | undefined, onConnected: (store: OagStore) => void) {
	const [state, setRendered] = useState<SetupFormState>(EMPTY_SETUP);
	// A burst of keys (a paste, fast typing) is reduced against a ref, then rendered once.
	const current = useRef(state);
	const setState = (update: (s: SetupFormState) => SetupFormState) => {
		current.current = update(current.current);
		setRendered(current.current);
	};
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
			setState(s => setupSucceeded(s, outcome.note));
			onConnected(outcome.store);
			return;
		}
		setState(s => ({...s, busy: false, serverErrors: outcome.fieldErrors ?? {}, result: {ok: false, message: outcome.message}}));
	};

	useInput((burst, burstKey) => {
		let next = current.current;
		// A key pasted while another field has the focus goes to the key field: it must never be shown.
		const keyIndex = SETUP_FIELDS.indexOf('privateKeyPem');
		if (next.focus !== keyIndex) {
			const field = SETUP_FIELDS[next.focus];
			const value = field ? next.values[field] : '';
			const start = keyStartIndex(value + burst, burst.length);
			if (start >= 0) {
				// Even the start of a key split across bursts ("-----BEG" then "IN PRIVATE KEY-----"): whatever of
				// it already reached this field moves to the key field with the rest.
				const kept = Math.min(start, value.length);
				const values = field ? {...next.values, [field]: value.slice(0, kept)} : next.values;
				next = {...next, focus: keyIndex, values: {...values, privateKeyPem: value.slice(kept)}};
			}
		}
		let wantsSubmit = false;
		for (const [input, key] of splitKeystrokes(burst, burstKey)) {
			const result = reduceSetupKey(next, input, key);
			next = result.state;
			wantsSubmit ||= result.submit;
		}
		setState(() => next);
		if (wantsSubmit) void submit(next.values);
	});

	return {state, errorOf};
}
