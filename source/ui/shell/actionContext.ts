import type {OagStore} from '../../store/createOagStore.js';
import type {ActionContext, ShellServices} from '../actions/types.js';
import type {NavigationStore} from '../navigation.js';
import {SCREENS} from '../screens/registry.js';

/** The context an action runs in, read fresh at the moment of the key press. */
export function buildActionContext(store: OagStore | undefined, nav: NavigationStore, services: ShellServices): ActionContext {
	const screen = nav.current();
	const definition = SCREENS[screen];
	const state = store?.state.getState();
	const base: ActionContext = {screen, readOnly: state?.connection.readOnly ?? false, store, nav, services};
	if (!definition.rows || !state) return base;
	const rows = definition.rows(state, nav.getState().filters[screen] ?? '');
	const cursor = Math.min(nav.getState().cursors[screen] ?? 0, Math.max(0, rows.length - 1));
	const selected = rows[cursor];
	return {...base, list: {count: rows.length, selectedId: selected?.id, selectedLabel: selected?.label}};
}
