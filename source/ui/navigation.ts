import {createStore, type StoreApi} from 'zustand/vanilla';
import * as lists from './navigation/listState.js';
import {EMPTY_LIST, type ListState, type RowIds} from './navigation/listState.js';
import {routeKey, toRoute, type Route, type RouteLike} from './navigation/routes.js';

export {routeKey, type Route, type RouteLike, type ScreenId} from './navigation/routes.js';
export {EMPTY_LIST, type ListState, type SortState} from './navigation/listState.js';

// UI-only state: where the admin is (a stack of routes), which input mode is open, and what each route
// remembers (list filter, cursor, sort, marks; form drafts). Kept apart from the gateway store so a
// profile switch keeps the navigation.

export type InputMode = 'normal' | 'command' | 'filter' | 'help' | 'confirm';

/** A typed confirmation for a dangerous action: the admin types `expected`, not the trigger key. */
export type Confirmation = {prompt: string; expected: string; onConfirm: () => void | Promise<void>};

export type Message = {text: string; tone: 'ok' | 'error' | 'info'; at: number};

export type NavigationState = {
	stack: readonly Route[];
	mode: InputMode;
	/** Text being typed in the `:` bar, the filter line or the confirmation. */
	input: string;
	/** Per route key: the list's filter, cursor, sort and marks. */
	lists: Readonly<Record<string, ListState>>;
	/** Per route key: what a form holds, so nothing typed is lost when the admin leaves and comes back. */
	drafts: Readonly<Record<string, unknown>>;
	/** Rows the current list shows at once: PgUp/PgDn move by it, Ctrl-d/Ctrl-u by half. */
	pageSize: number;
	confirmation?: Confirmation;
	message?: Message;
};

export type NavigationStore = StoreApi<NavigationState> & {
	current(): Route;
	/** routeKey of the current route. */
	currentKey(): string;
	go(target: RouteLike): void;
	/** Esc: leaves the open mode, else clears an applied filter, else goes one route back. Never acts. */
	back(): void;
	open(mode: Exclude<InputMode, 'normal' | 'confirm'>): void;
	confirm(confirmation: Confirmation): void;
	setInput(text: string): void;
	/** The list state of a route key (EMPTY_LIST, a shared object, when never visited). */
	list(key: string): ListState;
	setFilter(key: string, text: string): void;
	/** Moves from the row shown as selected; `rows` as shown (filtered, sorted). */
	moveCursor(key: string, delta: number, rows: RowIds): void;
	setCursor(key: string, index: number, rows: RowIds): void;
	toggleMark(key: string, id: string): void;
	markAll(key: string, ids: readonly string[]): void;
	clearMarks(key: string): void;
	cycleSort(key: string, columns: readonly string[]): void;
	reverseSort(key: string, columns: readonly string[]): void;
	setPageSize(rows: number): void;
	getDraft<T>(key: string): T | undefined;
	setDraft(key: string, value: unknown): void;
	clearDraft(key: string): void;
	say(text: string, tone?: Message['tone']): void;
	/** The next key clears the last message, so an old one is not read as news. */
	clearMessage(): void;
	/** Replace the whole stack (first-run setup done -> dashboard; another profile); marks are cleared. */
	reset(target: RouteLike): void;
};

export function createNavigation(start: RouteLike): NavigationStore {
	const store = createStore<NavigationState>()(() => ({
		stack: [toRoute(start)],
		mode: 'normal',
		input: '',
		lists: {},
		drafts: {},
		pageSize: 10,
	}));
	const {getState: get, setState: set} = store;
	const list = (key: string) => get().lists[key] ?? EMPTY_LIST;
	const updateList = (key: string, update: (current: ListState) => ListState) => {
		const current = list(key);
		const next = update(current);
		if (next !== current) set({lists: {...get().lists, [key]: next}});
	};
	const currentKey = () => routeKey(get().stack.at(-1)!);
	return Object.assign(store, {
		current: () => get().stack.at(-1)!,
		currentKey,
		go(target: RouteLike) {
			const route = toRoute(target);
			const key = routeKey(route);
			const {stack} = get();
			// Going to a route already in the trail returns to it rather than growing the stack forever.
			const index = stack.findIndex(r => routeKey(r) === key);
			set({stack: index >= 0 ? stack.slice(0, index + 1) : [...stack, route], mode: 'normal', input: ''});
		},
		back() {
			const {mode, stack} = get();
			if (mode === 'filter') {
				// Esc on the filter line clears what was typed: back to the full list.
				updateList(currentKey(), l => lists.setFilter(l, ''));
				set({mode: 'normal', input: ''});
				return;
			}
			if (mode !== 'normal') {
				set({mode: 'normal', input: '', confirmation: undefined});
				return;
			}
			if (list(currentKey()).filter !== '') {
				updateList(currentKey(), l => lists.setFilter(l, ''));
				return;
			}
			if (stack.length > 1) set({stack: stack.slice(0, -1)});
		},
		open(mode: Exclude<InputMode, 'normal' | 'confirm'>) {
			set({mode, input: mode === 'filter' ? list(currentKey()).filter : ''});
		},
		confirm(confirmation: Confirmation) {
			set({mode: 'confirm', input: '', confirmation});
		},
		setInput(text: string) {
			set({input: text});
			if (get().mode === 'filter') updateList(currentKey(), l => lists.setFilter(l, text));
		},
		list,
		setFilter: (key: string, text: string) => updateList(key, l => lists.setFilter(l, text)),
		moveCursor: (key: string, delta: number, rows: RowIds) => updateList(key, l => lists.moveCursor(l, delta, rows)),
		setCursor: (key: string, index: number, rows: RowIds) => updateList(key, l => lists.setCursor(l, index, rows)),
		toggleMark: (key: string, id: string) => updateList(key, l => lists.toggleMark(l, id)),
		markAll: (key: string, ids: readonly string[]) => updateList(key, l => lists.markAll(l, ids)),
		clearMarks: (key: string) => updateList(key, lists.clearMarks),
		cycleSort: (key: string, columns: readonly string[]) => updateList(key, l => lists.cycleSort(l, columns)),
		reverseSort: (key: string, columns: readonly string[]) => updateList(key, l => lists.reverseSort(l, columns)),
		setPageSize(rows: number) {
			const size = Math.max(1, Math.floor(rows));
			if (size !== get().pageSize) set({pageSize: size});
		},
		getDraft: <T,>(key: string): T | undefined => get().drafts[key] as T | undefined,
		setDraft(key: string, value: unknown) {
			set({drafts: {...get().drafts, [key]: value}});
		},
		clearDraft(key: string) {
			if (!(key in get().drafts)) return;
			const {[key]: _dropped, ...rest} = get().drafts;
			set({drafts: rest});
		},
		say(text: string, tone: Message['tone'] = 'info') {
			set({message: {text, tone, at: Date.now()}});
		},
		clearMessage() {
			if (get().message) set({message: undefined});
		},
		reset(target: RouteLike) {
			// Filters and sorts stay (they are about the admin's habits); marks name items of the gateway
			// that was open, so they go.
			const unmarked = Object.fromEntries(Object.entries(get().lists).map(([key, l]) => [key, lists.clearMarks(l)]));
			set({stack: [toRoute(target)], mode: 'normal', input: '', lists: unmarked});
		},
	});
}
