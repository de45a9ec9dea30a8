import type {StoreApi} from 'zustand/vanilla';
import type {OagApi} from '../../api/OagApi.js';
import {noteConnection} from '../connection.js';
import {failed, loading} from '../resourceStatus.js';
import type {OagState} from '../state.js';

// What every slice's loader and actions get: the API, the store, the clock and the concurrency cap.

export type SliceContext = {
	api: OagApi;
	store: StoreApi<OagState>;
	now: () => number;
	concurrency: number;
	/** Per-app offline policy reads in the background after the states (the TUI); off for `status`. */
	appPolicies: boolean;
};

/** A slice's data plus the loader (and actions) that fill it: one file per resource. */
export type SliceLoader = {load(): Promise<void>};

type LoadableKey = 'authService' | 'idps' | 'apps' | 'certificates';

/** A refresh keeps the previous data and says it is loading (views show "refreshing…"). */
export function markLoading(ctx: SliceContext, key: LoadableKey): void {
	ctx.store.setState(s => ({[key]: {...s[key], status: loading(s[key].status)}}) as Partial<OagState>);
}

/** A failed load keeps the previous data and marks the slice with the error. */
export function markFailed(ctx: SliceContext, key: LoadableKey, error: unknown): void {
	ctx.store.setState(s => ({[key]: {...s[key], status: failed(s[key].status, error)}}) as Partial<OagState>);
	noteConnection(ctx.store, error);
}

export const connected = (ctx: SliceContext, error?: unknown): void => noteConnection(ctx.store, error);
