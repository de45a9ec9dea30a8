import type {OagState} from '../../store/state.js';
import {plainText} from '../format/plainText.js';
import type {Route, RouteParams, ScreenId} from './routes.js';

// The header's trail, computed from the routes and the store: `Dashboard › IdPs › Corp Okta`.
// An item screen shows its list before it (IdPs) unless the admin came from that list anyway.

export type TitledScreen = {
	title: string;
	parent?: ScreenId;
	itemTitle?: (state: OagState, params: RouteParams) => string | undefined;
};

export function routeTitle(route: Route, screens: Readonly<Record<ScreenId, TitledScreen>>, state: OagState | undefined): string {
	const screen = screens[route.screen];
	if (!screen.itemTitle) return screen.title;
	const name = state ? screen.itemTitle(state, route.params ?? {}) : undefined;
	return plainText(name ?? route.params?.id ?? screen.title);
}

export function breadcrumbs(stack: readonly Route[], screens: Readonly<Record<ScreenId, TitledScreen>>, state: OagState | undefined): string[] {
	return stack.flatMap((route, i) => {
		const parent = screens[route.screen].parent;
		const title = routeTitle(route, screens, state);
		return parent && stack[i - 1]?.screen !== parent ? [screens[parent].title, title] : [title];
	});
}
