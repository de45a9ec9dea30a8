import type {ComponentType} from 'react';
import type {OagState} from '../../store/state.js';
import type {Action} from '../actions/types.js';
import type {ListRow, RowsSelector} from '../lists/listRows.js';
import type {Route, RouteParams, ScreenId} from '../navigation/routes.js';

export type {ListRow} from '../lists/listRows.js';

/** What the shell needs of a list screen: its memoised rows and what `s` and Space may do. */
export type ScreenList = {
	select: RowsSelector<ListRow>;
	sortColumns: readonly string[];
	markable: boolean;
};

/** One entry of the screen registry: a new resource screen is mostly a new entry here plus its files. */
export type ScreenDefinition = {
	id: ScreenId;
	/** The screen's name in the breadcrumb; an item screen shows its item's name instead (itemTitle). */
	title: string;
	View: ComponentType<{width: number; height: number}>;
	actions: readonly Action[];
	/** Needs a connected store (everything but first-run setup). */
	needsStore: boolean;
	/** List screens: rows after the `/` filter and sort, for the cursor, Enter and actions on the selection. */
	list?: ScreenList;
	/** Item screens: the list they belong to, shown before the item in the breadcrumb (`IdPs › Corp Okta`). */
	parent?: ScreenId;
	/** Item screens: the item's name as the store knows it (undefined while not loaded). */
	itemTitle?: (state: OagState, params: RouteParams) => string | undefined;
	/**
	 * The screen takes typed text itself (forms); the shell then only handles Esc and Ctrl+C. A rule decides
	 * it from the store, for a form screen that sometimes shows no form (a failed read, with `r` to retry).
	 */
	capturesText?: boolean | ((state: OagState, route: Route) => boolean);
};

/** Whether the screen takes typed text now (without a store a rule's answer is yes: nothing else to show). */
export function capturesTextNow(screen: ScreenDefinition, state: OagState | undefined, route: Route): boolean {
	const rule = screen.capturesText;
	if (typeof rule === 'function') return state === undefined || rule(state, route);
	return rule ?? false;
}
