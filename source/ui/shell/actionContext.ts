import type {OagStore} from '../../store/createOagStore.js';
import type {ActionContext, ShellServices} from '../actions/types.js';
import {cursorOf} from '../navigation/listState.js';
import type {NavigationStore} from '../navigation.js';
import {SCREENS} from '../screens/registry.js';

/**
 * The context an action runs in, read fresh at the moment of the key press. The list's rows come from
 * the screen's memoised selector, the same object the view renders, so a key costs no row rebuild.
 */
export function buildActionContext(store: OagStore | undefined, nav: NavigationStore, services: ShellServices): ActionContext {
	const route = nav.current();
	const definition = SCREENS[route.screen];
	const state = store?.state.getState();
	const base: ActionContext = {screen: route.screen, route, readOnly: state?.connection.readOnly ?? false, store, nav, services};
	if (!definition.list || !state) return base;
	const key = nav.currentKey();
	const list = nav.list(key);
	const {rows} = definition.list.select(state, list.filter, list.sort);
	const cursor = cursorOf(list, rows);
	const selected = rows[cursor];
	return {
		...base,
		list: {
			key,
			count: rows.length,
			cursor,
			selectedId: selected?.id,
			selectedLabel: selected?.label,
			rows,
			marks: list.marks,
			markable: definition.list.markable,
			sortColumns: definition.list.sortColumns,
		},
	};
}
