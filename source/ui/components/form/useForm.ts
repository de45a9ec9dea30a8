import {useInput} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {blockedReason} from '../../actions/registry.js';
import type {ActionContext, ScreenId} from '../../actions/types.js';
import {splitKeystrokes} from '../../shell/keystrokes.js';
import {useShell} from '../../shell/ShellContext.js';
import {draftOf, restoreDraft, type DraftStore} from './drafts.js';
import type {FieldValue, FormSpec, FormValues, PickerItem} from './fieldSpecs.js';
import {registerFormHandle, type FormActions} from './formActions.js';
import {reduceBurst, type FormIntent} from './formKeys.js';
import {checkAll, errorOf, finished, moveFocus, started, type FormOutcome, type FormState} from './formState.js';

// The kit's input hook (ink-ui split: formState.ts is the pure state, Form.tsx only renders). It restores
// the route's draft, feeds bursts of keys through the reducer, saves the draft after every change, and
// runs submit and test behind the registry's read-only rule.

export type Progress = (line: string) => void;

export type UseFormOptions = {
	spec: FormSpec;
	screen: ScreenId;
	actions: FormActions;
	draft: {store: DraftStore; key: string};
	initial?: Partial<Record<string, FieldValue>>;
	/** Items of picker fields, loaded by the screen from the store. */
	pickerItems?: Readonly<Record<string, readonly PickerItem[]>>;
	submit: (values: FormValues, progress: Progress) => Promise<FormOutcome>;
	test?: (values: FormValues, progress: Progress) => Promise<FormOutcome>;
	/** After a successful submit (the draft is already cleared). */
	onSubmitted?: () => void;
	isActive?: boolean;
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useForm(options: UseFormOptions) {
	const {spec, draft} = options;
	const shell = useShell();
	const [state, setRendered] = useState<FormState>(() => restoreDraft(spec, draft.store.get(draft.key), options.initial));
	// A burst of keys (a paste, fast typing) is reduced against a ref, then rendered once.
	const current = useRef(state);
	const latest = useRef(options);
	latest.current = options;
	const setState = (update: (s: FormState) => FormState) => {
		current.current = update(current.current);
		setRendered(current.current);
		draft.store.set(draft.key, draftOf(spec, current.current));
	};

	const actionContext = (): ActionContext => ({
		screen: options.screen,
		route: shell.nav.current(),
		readOnly: shell.store?.state.getState().connection.readOnly ?? false,
		store: shell.store,
		nav: shell.nav,
		services: shell.services,
	});

	const run = async (intent: Exclude<FormIntent, undefined>) => {
		const {actions, submit, test} = latest.current;
		const action = intent === 'submit' ? actions.submit : actions.test;
		const work = intent === 'submit' ? submit : test;
		if (!action || !work || current.current.busy) return;
		const blocked = blockedReason(action, actionContext());
		if (blocked) {
			setState(s => ({...s, result: {ok: false, message: `${action.label}: ${blocked}`}}));
			return;
		}
		const checked = checkAll(spec, current.current);
		setState(() => checked.state);
		if (!checked.ok) return;
		setState(started);
		const outcome = await work(current.current.values, line => setState(s => ({...s, progress: [...s.progress, line]}))).catch(
			(error: unknown): FormOutcome => ({ok: false, message: messageOf(error)}),
		);
		const submitted = intent === 'submit' && outcome.ok;
		setState(s => finished(spec, s, outcome, submitted));
		if (submitted) {
			draft.store.clear(draft.key);
			latest.current.onSubmitted?.();
		}
	};

	useEffect(
		() =>
			registerFormHandle(options.screen, {
				submit: () => void run('submit'),
				...(options.test ? {test: () => void run('test')} : {}),
				move: delta => setState(s => moveFocus(spec, s, delta)),
			}),
		[],
	);

	useInput(
		(burst, burstKey) => {
			const pickerItems = (s: FormState) => {
				const field = spec.fields[s.focus];
				return field?.kind === 'picker' ? (latest.current.pickerItems?.[field.name] ?? []) : [];
			};
			const {state: next, intent} = reduceBurst(spec, current.current, splitKeystrokes(burst, burstKey), pickerItems);
			setState(() => next);
			if (intent) void run(intent);
		},
		{isActive: options.isActive ?? true},
	);

	return {state, errorOf: (name: string) => errorOf(spec, state, name)};
}
