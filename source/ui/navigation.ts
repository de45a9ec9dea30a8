import {createStore, type StoreApi} from 'zustand/vanilla';
import type {ScreenId} from './actions/types.js';

// UI-only state: where the admin is, which input mode is open, list filters and cursors.
// Kept apart from the gateway store so a profile switch keeps the navigation.

export type InputMode = 'normal' | 'command' | 'filter' | 'help' | 'confirm';

/** A typed confirmation for a dangerous action: the admin types `expected`, not the trigger key. */
export type Confirmation = {prompt: string; expected: string; onConfirm: () => void | Promise<void>};

export type Message = {text: string; tone: 'ok' | 'error' | 'info'; at: number};

export type NavigationState = {
	stack: ScreenId[];
	mode: InputMode;
	/** Text being typed in the `:` bar, the filter line or the confirmation. */
	input: string;
	filters: Partial<Record<ScreenId, string>>;
	cursors: Partial<Record<ScreenId, number>>;
	confirmation?: Confirmation;
	message?: Message;
};

export type NavigationStore = StoreApi<NavigationState> & {
	current(): ScreenId;
	go(screen: ScreenId): void;
	/** Esc: leaves the open mode, else goes one screen back. Never performs an action. */
	back(): void;
	open(mode: Exclude<InputMode, 'normal' | 'confirm'>): void;
	confirm(confirmation: Confirmation): void;
	setInput(text: string): void;
	setFilter(screen: ScreenId, text: string): void;
	moveCursor(screen: ScreenId, delta: number, count: number): void;
	say(text: string, tone?: Message['tone']): void;
	/** The next key clears the last message, so an old one is not read as news. */
	clearMessage(): void;
	/** Replace the whole stack (first-run setup done -> dashboard). */
	reset(screen: ScreenId): void;
};

export function createNavigation(start: ScreenId): NavigationStore {
	const store = createStore<NavigationState>()(() => ({stack: [start], mode: 'normal', input: '', filters: {}, cursors: {}}));
	const {getState: get, setState: set} = store;
	return Object.assign(store, {
		current: () => get().stack.at(-1)!,
		go(screen: ScreenId) {
			const {stack} = get();
			// Going to a screen already in the trail returns to it rather than growing the stack forever.
			const index = stack.indexOf(screen);
			set({stack: index >= 0 ? stack.slice(0, index + 1) : [...stack, screen], mode: 'normal', input: ''});
		},
		back() {
			const {mode, stack} = get();
			if (mode === 'filter') {
				// Esc on the filter line clears what was typed: back to the full list.
				const screen = stack.at(-1)!;
				set({mode: 'normal', input: '', filters: {...get().filters, [screen]: ''}});
				return;
			}
			if (mode !== 'normal') {
				set({mode: 'normal', input: '', confirmation: undefined});
				return;
			}
			if (stack.length > 1) set({stack: stack.slice(0, -1)});
		},
		open(mode: Exclude<InputMode, 'normal' | 'confirm'>) {
			const screen = get().stack.at(-1)!;
			set({mode, input: mode === 'filter' ? (get().filters[screen] ?? '') : ''});
		},
		confirm(confirmation: Confirmation) {
			set({mode: 'confirm', input: '', confirmation});
		},
		setInput(text: string) {
			set({input: text});
			if (get().mode === 'filter') set({filters: {...get().filters, [get().stack.at(-1)!]: text}});
		},
		setFilter(screen: ScreenId, text: string) {
			set({filters: {...get().filters, [screen]: text}});
		},
		moveCursor(screen: ScreenId, delta: number, count: number) {
			const current = get().cursors[screen] ?? 0;
			const next = count === 0 ? 0 : Math.max(0, Math.min(count - 1, current + delta));
			if (next !== current) set({cursors: {...get().cursors, [screen]: next}});
		},
		say(text: string, tone: Message['tone'] = 'info') {
			set({message: {text, tone, at: Date.now()}});
		},
		clearMessage() {
			if (get().message) set({message: undefined});
		},
		reset(screen: ScreenId) {
			set({stack: [screen], mode: 'normal', input: ''});
		},
	});
}
