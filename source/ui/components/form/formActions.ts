import type {Action, ScreenId} from '../../actions/types.js';
import {FORM_KEYS} from './formKeys.js';

// A form's keys as registry actions scoped to its screen, so the footer, the help overlay and read-only
// mode know them like every other key. The form's input hook handles the keys themselves (a form screen
// captures typed text) and asks blockedReason() of these same records before it submits; `run` reaches
// the mounted form through its handle, for the `:` bar and anything else that runs actions.

export type FormHandle = {submit(): void; test?(): void; move(delta: 1 | -1): void};

const handles = new Map<ScreenId, FormHandle>();
// A form registers its handle in an effect, after the frame that drew the footer: the shell subscribes to
// these changes (useSyncExternalStore) so the footer and help redraw once the form's keys work.
let version = 0;
const listeners = new Set<() => void>();
const changed = () => {
	version++;
	for (const listener of listeners) listener();
};

export function subscribeFormHandles(listener: () => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export const formHandlesVersion = (): number => version;

/** Called by the mounted form; returns the unregister function. */
export function registerFormHandle(screen: ScreenId, handle: FormHandle): () => void {
	handles.set(screen, handle);
	changed();
	return () => {
		if (handles.get(screen) !== handle) return;
		handles.delete(screen);
		changed();
	};
}

export type FormActionOptions = {
	submit: {label: string; description: string; mutates: boolean};
	test?: {label: string; description: string};
};

export type FormActions = {submit: Action; test?: Action; next: Action; previous: Action; all: readonly Action[]};

export function formActions(screen: ScreenId, options: FormActionOptions): FormActions {
	const notMounted = (): string | undefined => (handles.has(screen) ? undefined : 'the form is not open');
	const submit: Action = {
		id: `${screen}.form.submit`,
		keys: [FORM_KEYS.submit],
		scope: screen,
		label: options.submit.label,
		description: `${options.submit.description} (Enter on the last field or the button does the same)`,
		footer: true,
		...(options.submit.mutates ? {mutates: true} : {}),
		disabledReason: notMounted,
		run: () => handles.get(screen)?.submit(),
	};
	const test: Action | undefined = options.test && {
		id: `${screen}.form.test`,
		keys: [FORM_KEYS.test],
		scope: screen,
		label: options.test.label,
		description: options.test.description,
		footer: true,
		disabledReason: () => notMounted() ?? (handles.get(screen)?.test ? undefined : 'this form has no test'),
		run: () => handles.get(screen)?.test?.(),
	};
	const move = (delta: 1 | -1, id: string, keys: readonly string[], label: string): Action => ({
		id: `${screen}.form.${id}`,
		keys,
		scope: screen,
		label,
		description: `${label} (${keys.join(' or ')})`,
		footer: delta === 1,
		disabledReason: notMounted,
		run: () => handles.get(screen)?.move(delta),
	});
	const next = move(1, 'next', FORM_KEYS.next, 'next field');
	const previous = move(-1, 'previous', FORM_KEYS.previous, 'previous field');
	return {submit, ...(test ? {test} : {}), next, previous, all: [submit, ...(test ? [test] : []), next, previous]};
}
