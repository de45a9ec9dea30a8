import {Box, Text, useApp} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import {useStore} from 'zustand';
import {createStore, type StoreApi} from 'zustand/vanilla';
import type {OagStore} from '../../store/createOagStore.js';
import type {OagState} from '../../store/state.js';
import {footerActions} from '../actions/registry.js';
import type {ShellServices} from '../actions/types.js';
import {createNavigation, type Message} from '../navigation.js';
import {ALL_ACTIONS, SCREENS} from '../screens/registry.js';
import type {SetupService} from '../screens/setup/setupForm.js';
import {ThemeProvider, Tone} from '../theme/ThemeContext.js';
import type {Theme} from '../theme/theme.js';
import {buildActionContext} from './actionContext.js';
import {Footer} from './Footer.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {InputBar} from './InputBar.js';
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
};

// Before setup there is no gateway store; an empty one keeps the hooks unconditional.
const NO_STORE = createStore<OagState | undefined>(() => undefined);

function useGateway<T>(store: OagStore | undefined, selector: (state: OagState) => T): T | undefined {
	const source = (store?.state ?? NO_STORE) as unknown as StoreApi<OagState | undefined>;
	return useStore(source, state => (state ? selector(state) : undefined));
}

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
		const created = createNavigation(props.store ? 'dashboard' : 'setup');
		if (props.startMessage) created.say(props.startMessage);
		return created;
	}, []);
	const services: ShellServices = useMemo(
		() => ({
			setup: props.setup,
			connected: (next: OagStore) => {
				setStore(next);
				nav.reset('dashboard');
			},
			listContexts: () => props.listContexts?.() ?? [],
			switchContext: async name => {
				if (!props.openContext) return 'Switching profiles is not available here.';
				try {
					const next = await props.openContext(name);
					setStore(previous => {
						previous?.dispose();
						return next;
					});
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
	const size = useTerminalSize();
	const navState = useStore(nav);
	const connection = useGateway(store, s => s.connection);
	const toast = useGateway(store, s => s.toast);
	const trail = useTrail(store, navState.stack);
	const tooSmall = size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
	useShellInput(shell, ALL_ACTIONS, true);
	useEffect(() => () => store?.dispose(), [store]);

	const screen = SCREENS[navState.stack.at(-1)!.screen];
	const ctx = buildActionContext(store, nav, services);
	const message = [toast, navState.message].filter((m): m is Message => m !== undefined).sort((a, b) => b.at - a.at)[0];
	// One row short of the terminal: a frame as tall as the screen makes Ink clear it on every update (flicker).
	const height = size.rows - 1;
	const barHeight = navState.mode === 'confirm' ? 2 : navState.mode === 'command' || navState.mode === 'filter' ? 1 : 0;
	const bodyHeight = height - 3 - 3 - barHeight;
	const {View} = screen;

	return (
		<ThemeProvider theme={props.theme}>
			<ShellContext.Provider value={shell}>
				{tooSmall ? (
					<TooSmall columns={size.columns} rows={size.rows} />
				) : (
					<Box flexDirection="column" width={size.columns} height={height}>
						<Header connection={connection} trail={trail} width={size.columns} />
						<Box height={bodyHeight} flexDirection="column" overflow="hidden">
							{navState.mode === 'help' ? (
								<HelpOverlay actions={ALL_ACTIONS} ctx={ctx} height={bodyHeight} width={size.columns} />
							) : screen.needsStore && !store ? (
								<Tone token="text.muted">Not connected.</Tone>
							) : (
								<View width={size.columns} height={bodyHeight} />
							)}
						</Box>
						<InputBar nav={navState} actions={ALL_ACTIONS} ctx={ctx} width={size.columns} />
						<Footer hints={footerActions(ALL_ACTIONS, ctx)} message={message} width={size.columns} />
					</Box>
				)}
			</ShellContext.Provider>
		</ThemeProvider>
	);
}

