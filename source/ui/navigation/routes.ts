// Addresses of the screens. A route names a screen and, for an item screen, which item
// ({screen: 'idp', params: {id}}), so every IdP and app has an address the stack can hold.
// This module imports nothing: the action types and the navigation store both build on it.

export type ScreenId =
	| 'setup'
	| 'unlock'
	| 'dashboard'
	| 'health'
	| 'auth'
	| 'authEnable'
	| 'idps'
	| 'apps'
	| 'idp'
	| 'idpPolicy'
	| 'directory'
	| 'app'
	| 'appPolicy'
	| 'audit'
	| 'promotion';

export type RouteParams = Readonly<Record<string, string>>;

export type Route = {readonly screen: ScreenId; readonly params?: RouteParams};

/** A route or, for a screen without parameters, just its id. */
export type RouteLike = Route | ScreenId;

export const toRoute = (target: RouteLike): Route => (typeof target === 'string' ? {screen: target} : target);

/**
 * One string per address: per-route state (filter, cursor, marks, form drafts) is kept under it.
 * `idps`, `idp?id=idp-1`; parameters sorted, values encoded, so equal routes give equal keys.
 */
export function routeKey(target: RouteLike): string {
	const route = toRoute(target);
	const params = Object.entries(route.params ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	if (params.length === 0) return route.screen;
	return `${route.screen}?${params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

export const idpRoute = (id: string): Route => ({screen: 'idp', params: {id}});
export const appRoute = (id: string): Route => ({screen: 'app', params: {id}});
/** Who may sign in to an app offline: its group names or its access policy, per the gateway's era. */
export const appPolicyRoute = (id: string): Route => ({screen: 'appPolicy', params: {id}});
/** The health-policy form of an IdP. */
export const idpPolicyRoute = (id: string): Route => ({screen: 'idpPolicy', params: {id}});
/** A directory form of an IdP: edit one (`directory` given) or create one from a preset. */
export const directoryRoute = (idp: string, directory?: string, preset?: string): Route => ({
	screen: 'directory',
	params: {idp, ...(directory === undefined ? {} : {directory}), ...(preset === undefined ? {} : {preset})},
});
