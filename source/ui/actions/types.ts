import type {OagStore} from '../../store/createOagStore.js';
import type {NavigationStore} from '../navigation.js';
import type {Route, ScreenId} from '../navigation/routes.js';
import type {SetupService} from '../screens/setup/setupForm.js';

// lazygit's one binding type: every key, `:` command, footer hint, help line and read-only rule
// comes from these records, so they cannot disagree.

// ScreenId lives with the routes (it imports nothing), so the navigation store does not import this file.
export type {ScreenId} from '../navigation/routes.js';
export type ActionScope = 'global' | ScreenId;

/** What the shell offers to actions besides the store: things only the command that started the TUI knows. */
export type ShellServices = {
	/** Profiles for `:ctx` completion. */
	listContexts(): string[];
	/** Open another profile; resolves to an error message, or undefined when switched. */
	switchContext(name: string): Promise<string | undefined>;
	exit(): void;
	/** First-run setup: tests and stores credentials, resolves to a connected store. */
	setup?: SetupService;
	/** Setup finished: switch to the new store and the dashboard. */
	connected(store: OagStore): void;
	/** `:ctx NAME` to a profile whose key needs a passphrase: opens the unlock form and says true. */
	beginUnlock?(name: string): boolean;
	/** The profile the unlock form is for. */
	unlockTarget?(): string | undefined;
	/** Opens the profile with the typed passphrase; resolves to the problem, or undefined once switched. */
	unlock?(name: string, passphrase: string): Promise<{message: string; wrongPassphrase: boolean} | undefined>;
};

export type ActionContext = {
	screen: ScreenId;
	/** The current route (screen and, on an item screen, which item). */
	route: Route;
	readOnly: boolean;
	/** Undefined before a connection exists (first-run setup). */
	store: OagStore | undefined;
	nav: NavigationStore;
	services: ShellServices;
	/** Set on list screens: the rows after the filter and sort, the selected one and the marks. */
	list?: ListContext;
};

export type ListContext = {
	/** routeKey of the list's route: its filter, cursor and marks are kept under it. */
	key: string;
	count: number;
	cursor: number;
	selectedId?: string;
	selectedLabel?: string;
	/** The rows as shown (filtered and sorted): shared with the view, computed once per change. */
	rows: ReadonlyArray<{id: string; label: string}>;
	marks: ReadonlySet<string>;
	/** Space, `*` and the mark actions apply (lists whose rows can be acted on together). */
	markable: boolean;
	/** Column ids `s` cycles through. */
	sortColumns: readonly string[];
};

/** The typed confirmation a dangerous action declares: the word to type, never the trigger key. */
export type ActionConfirmation = {expected: string};

export type Action = {
	id: string;
	/** Normalised key names (see keys.ts): 'q', '?', 'esc', 'enter', 'ctrl+c', 'up'... */
	keys: readonly string[];
	scope: ActionScope;
	/** Short, for the footer. */
	label: string;
	/** One line, for the help overlay. */
	description: string;
	/** Name in the `:` bar, without the colon. */
	command?: string;
	/** Other names for the command (`quit` for `q`); unique prefixes of any name work too. */
	aliases?: readonly string[];
	/** Completions for the command's argument (e.g. profile names for `:ctx`). */
	completeArgument?: (ctx: ActionContext) => string[];
	/** Sends a change to the gateway: unreachable in read-only mode. */
	mutates?: boolean;
	/** Needs a typed confirmation and is unreachable in read-only mode. */
	dangerous?: boolean;
	/** Required on dangerous actions (the registry test checks it). */
	confirm?: ActionConfirmation;
	/** Shown in the footer (the help overlay lists every action). */
	footer?: boolean;
	disabledReason?: (ctx: ActionContext) => string | undefined;
	run: (ctx: ActionContext, argument?: string) => void | Promise<void>;
};
