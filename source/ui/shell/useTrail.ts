import {useMemo} from 'react';
import {useStore} from 'zustand';
import {createStore, type StoreApi} from 'zustand/vanilla';
import type {OagStore} from '../../store/createOagStore.js';
import type {OagState} from '../../store/state.js';
import {breadcrumbs} from '../navigation/breadcrumbs.js';
import type {Route} from '../navigation/routes.js';
import {SCREENS} from '../screens/registry.js';

const NO_STORE = createStore<OagState | undefined>(() => undefined);
const SEPARATOR = '\u0000';

/**
 * The header's breadcrumb titles for the stack. The selector returns one joined string (a primitive),
 * so the header re-renders only when a title changes, not on every store update.
 */
export function useTrail(store: OagStore | undefined, stack: readonly Route[]): string[] {
	const source = (store?.state ?? NO_STORE) as unknown as StoreApi<OagState | undefined>;
	const joined = useStore(source, state => breadcrumbs(stack, SCREENS, state).join(SEPARATOR));
	return useMemo(() => joined.split(SEPARATOR), [joined]);
}
