import {createContext, useContext} from 'react';
import {useStore} from 'zustand';
import type {OagStore} from '../../store/createOagStore.js';
import type {OagState} from '../../store/state.js';
import type {ShellServices} from '../actions/types.js';
import type {NavigationState, NavigationStore} from '../navigation.js';

export type Shell = {store: OagStore | undefined; nav: NavigationStore; services: ShellServices};

export const ShellContext = createContext<Shell | undefined>(undefined);

export function useShell(): Shell {
	const shell = useContext(ShellContext);
	if (!shell) throw new Error('useShell outside <ShellContext.Provider>');
	return shell;
}

/** The connected store; screens that need it are only mounted once it exists. */
export function useOagStore(): OagStore {
	const {store} = useShell();
	if (!store) throw new Error('This screen needs a connection');
	return store;
}

/** Select from the gateway store. Selectors must return existing references (slices, items), not new objects. */
export function useOag<T>(selector: (state: OagState) => T): T {
	return useStore(useOagStore().state, selector);
}

export function useNav<T>(selector: (state: NavigationState) => T): T {
	return useStore(useShell().nav, selector);
}
