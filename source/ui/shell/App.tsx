import {Box, useApp} from 'ink';
import {Text} from '../theme/Text.js';
import {useEffect, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import {useStore} from 'zustand';
import {createStore, type StoreApi} from 'zustand/vanilla';
import type {OagStore} from '../../store/createOagStore.js';
import type {OagState} from '../../store/state.js';
import {footerHints, helpEntries} from '../actions/presentation.js';
import type {ShellServices} from '../actions/types.js';
import {createNavigation} from '../navigation.js';
import {DraftContext, type DraftStore} from '../components/form/drafts.js';
import {formHandlesVersion, subscribeFormHandles} from '../components/form/formActions.js';
import {ALL_ACTIONS, SCREENS} from '../screens/registry.js';
import {capturesTextNow} from '../screens/types.js';
import type {SetupService} from '../screens/setup/setupForm.js';
import type {UnlockOutcome} from '../screens/unlock/unlockForm.js';
import {ThemeProvider, Tone} from '../theme/ThemeContext.js';
import type {Theme} from '../theme/theme.js';
import {buildActionContext} from './actionContext.js';
import {Footer} from './Footer.js';
import {Header} from './Header.js';
import {HelpOverlay, helpRows} from './HelpOverlay.js';
import {InputBar, inputBarHeight} from './InputBar.js';
import {latestMessage} from './messages.js';
import {ShellContext, type Shell} from './ShellContext.js';
import {useShellInput} from './useShellInput.js';
import {useTrail} from './useTrail.js';
import {MIN_COLUMNS, MIN_ROWS, useTerminalSize} from './useTerminalSize.js';

export type AppProps = {
	/** Connected store; absent on first run, when the Setup screen creates one. */
	store?: OagStore;
	theme: Theme;
	/** Opens another profile for `:ctx NAME`. */
	openContext?: (name: string) => Promise<OagStore>;
	listContexts?: () => string[];
	setup?: SetupService;
	/** Called once the app wants to end (q, :q); Ink's exit is called too. */
	onExit?: () => void;
	/** A first message for the footer (demo notice, a client warning). */
	startMessage?: string;
	/** Start on the unlock form for this profile (its key is passphrase-encrypted). */
	unlockAtStart?: string;
	/** Whether `:ctx NAME` must ask for the passphrase of that profile's key first. */
	needsPassphrase?: (name: string) => boolean;
	/** Opens a profile with the passphrase of its encrypted key. */
	unlockContext?: (name: string, passphrase: string) => Promise<UnlockOutcome>;
};

// Before setup there is no gateway store; an empty one keeps the hooks unconditional.
const NO_STORE = createStore<OagState | undefined>(() => undefined);

function useGateway<T>(store: OagStore | undefined, selector: (state: OagState) => T): T | undefined {
	const source = (store?.state ?? NO_STORE) as unknown as StoreApi<OagState | undefined>;
	return useStore(source, state => (state ? selector(state) : undefined));
}

const HEADER_LINES = 2;
const FOOTER_LINES = 2;

function TooSmall({columns, rows}: {columns: number; rows: number}) {
	return (
		<Box flexDirection="column">
			<Text>{`The terminal is ${columns}x${rows}; oag-offline needs at least ${MIN_COLUMNS}x${MIN_ROWS}.`}</Text>
			<Text>Enlarge the window (or use a subcommand, e.g. oag-offline status). q quits.</Text>
		</Box>
	);
}

export function App(props: AppProps) {
	const {exit} = useApp();
	const [store, setStore] = useState(props.store);
	const nav = useMemo(() => {
		const created = createNavigation(props.store ? 'dashboard' : props.unlockAtStart ? 'unlock' : 'setup');
		// A mistyped OAG_THEME is named, not silently replaced (the fallback theme is already in use).
		const start = [props.theme.warning, props.startMessage].filter(Boolean).join(' · ');
		if (start) created.say(start, props.theme.warning ? 'error' : 'info');
		return created;
	}, []);
	const unlockTarget = useRef(props.unlockAtStart);
	const services: ShellServices = useMemo(
		() => ({
			setup: props.setup,
			beginUnlock: name => {
				if (!props.unlockContext || !props.needsPassphrase?.(name)) return false;
				unlockTarget.current = name;
				nav.go('unlock');
				return true;
			},
			unlockTarget: () => unlockTarget.current,
			unlock: async (name, passphrase) => {
				if (!props.unlockContext) return {message: 'Unlocking is not available here.', wrongPassphrase: false};
				const outcome = await props.unlockContext(name, passphrase);
				if (!outcome.ok) return {message: outcome.message, wrongPassphrase: outcome.wrongPassphrase};
				setStore(previous => {
					previous?.dispose();
					return outcome.store;
				});
				unlockTarget.current = undefined;
				nav.reset('dashboard');
				return undefined;
			},
			connected: (next: OagStore) => {
				setStore(next);
				nav.reset('dashboard');
			},
			listContexts: () => props.listContexts?.() ?? [],
			switchContext: async name => {
				if (!props.openContext) return 'Switching profiles is not available here.';
				try {
					const next = await props.openContext(name);
					// The old store is disposed by the effect below once React has switched, never inside a
					// state updater (React may call an updater twice, and it must stay free of side effects).
					setStore(next);
					nav.reset('dashboard');
					return undefined;
				} catch (error) {
					return `Cannot open profile ${name}: ${error instanceof Error ? error.message : String(error)}`;
				}
			},
			exit: () => {
				props.onExit?.();
				exit();
			},
		}),
		[],
	);
	const shell: Shell = useMemo(() => ({store, nav, services}), [store]);
	// Form drafts for this run (the navigation store keeps them per route once it has routes).
	// Form drafts live in the navigation store, per route key: leaving a form and coming back keeps them.
	const drafts: DraftStore = useMemo(() => ({get: key => nav.getDraft(key), set: (key, value) => nav.setDraft(key, value), clear: key => nav.clearDraft(key)}), [nav]);
	const size = useTerminalSize();
	const navState = useStore(nav);
	const connection = useGateway(store, s => s.connection);
	const toast = useGateway(store, s => s.toast);
	const trail = useTrail(store, navState.stack);
	const tooSmall = size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
	useShellInput(shell, ALL_ACTIONS, true);
	// A form's keys work once it has mounted: redraw the footer and help then.
	useSyncExternalStore(subscribeFormHandles, formHandlesVersion);
	useEffect(() => () => store?.dispose(), [store]);

	const route = navState.stack.at(-1)!;
	const screen = SCREENS[route.screen];
	// Follows the store: a form screen that shows a failed read instead of its form offers the registry's keys.
	const capturesText = useGateway(store, state => capturesTextNow(screen, state, route)) ?? capturesTextNow(screen, undefined, route);
	const ctx = buildActionContext(store, nav, services);
	const message = latestMessage(toast, navState.message);
	// One row short of the terminal: a frame as tall as the screen makes Ink clear it on every update (flicker).
	const height = size.rows - 1;
	// Header and footer are 2 lines each, always: every line of them is cut to the width, never wrapped.
	const bodyHeight = height - HEADER_LINES - FOOTER_LINES - inputBarHeight(navState.mode);
	const hints = footerHints(ALL_ACTIONS, ctx, navState.mode, size.columns, {
		capturesText,
		helpScrolls: navState.mode === 'help' && helpEntries(ALL_ACTIONS, ctx).length > helpRows(bodyHeight),
	});
	const {View} = screen;

	return (
		<ThemeProvider theme={props.theme}>
			<ShellContext.Provider value={shell}>
				<DraftContext.Provider value={drafts}>
				{tooSmall ? (
					<TooSmall columns={size.columns} rows={size.rows} />
				) : (
					<Box flexDirection="column" width={size.columns} height={height}>
						<Header connection={connection} trail={trail} width={size.columns} />
						{/* Clipped vertically only: every line is already cut to the width, and a horizontal clip makes Ink
						    re-slice each body line's ANSI text on every frame (a third of a frame's cost on a long list). */}
						<Box height={bodyHeight} flexDirection="column" overflowY="hidden">
							{navState.mode === 'help' ? (
								<HelpOverlay actions={ALL_ACTIONS} ctx={ctx} height={bodyHeight} width={size.columns} />
							) : screen.needsStore && !store ? (
								<Tone token="text.muted">Not connected.</Tone>
							) : (
								<View width={size.columns} height={bodyHeight} />
							)}
						</Box>
						<InputBar nav={navState} actions={ALL_ACTIONS} ctx={ctx} width={size.columns} />
						<Footer hints={hints} message={message} width={size.columns} />
					</Box>
				)}
				</DraftContext.Provider>
			</ShellContext.Provider>
		</ThemeProvider>
	);
}

