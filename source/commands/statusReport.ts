import type {OagApi} from '../api/OagApi.js';
import {isOagError, type OagErrorKind} from '../api/errors.js';
import {APP_STATES} from '../api/schemas/apps.js';
import type {AuthServiceSetting, HealthCheck} from '../api/schemas/authService.js';

// What `status` reports: one read of each part of the offline-mode setup. A part that fails is
// reported as that part's error, so one missing scope does not hide everything else.

export type PartError = {kind: OagErrorKind | 'unknown'; message: string};
export type Part<T> = {ok: true; value: T} | {ok: false; error: PartError};

export type StatusReport = {
	authService: Part<{enabled: false} | {enabled: true; setting: AuthServiceSetting; health?: HealthCheck}>;
	idps: Part<Array<{id: string; name: string; type: string; failoverMode: string}>>;
	/** Counts per state, the three documented ones always present; a state a newer gateway reports is counted too. */
	apps: Part<{total: number; byState: Record<string, number>; unreadable: number}>;
};

async function part<T>(read: () => Promise<T>): Promise<Part<T>> {
	try {
		return {ok: true, value: await read()};
	} catch (error) {
		if (isOagError(error)) return {ok: false, error: {kind: error.kind, message: error.message}};
		return {ok: false, error: {kind: 'unknown', message: error instanceof Error ? error.message : String(error)}};
	}
}

export async function gatherStatus(api: OagApi): Promise<StatusReport> {
	const [authService, idps, apps] = await Promise.all([
		part(async () => {
			const setting = await api.authService.get();
			if (!setting) return {enabled: false as const};
			return {enabled: true as const, setting, health: await api.authService.health()};
		}),
		part(async () => {
			const list = await api.idps.list();
			return Promise.all(
				list.map(async idp => ({
					id: idp.id,
					name: idp.name,
					type: idp.type,
					failoverMode: (await api.idps.getFailoverMode(idp.id)).mode,
				})),
			);
		}),
		part(async () => {
			const list = await api.apps.list();
			const byState: Record<string, number> = Object.fromEntries(APP_STATES.map(state => [state, 0]));
			let unreadable = 0;
			// The list carries no offline state (part A): one read per app, capped by the client's concurrency.
			const states = await Promise.allSettled(list.map(app => api.apps.getState(app.id)));
			for (const result of states) {
				if (result.status === 'fulfilled') byState[result.value.state] = (byState[result.value.state] ?? 0) + 1;
				else unreadable++;
			}
			// Every read failing is a failure of the part, not a count of zeros.
			if (list.length > 0 && unreadable === list.length) {
				throw (states.find(s => s.status === 'rejected') as PromiseRejectedResult).reason;
			}
			return {total: list.length, byState, unreadable};
		}),
	]);
	return {authService, idps, apps};
}

export function reportErrors(report: StatusReport): PartError[] {
	return [report.authService, report.idps, report.apps].flatMap(p => (p.ok ? [] : [p.error]));
}
