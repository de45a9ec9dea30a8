import type {OagErrorKind} from '../api/errors.js';
import type {OagApi} from '../api/OagApi.js';
import {APP_STATES} from '../api/schemas/apps.js';
import type {AuthServiceSetting, HealthCheck} from '../api/schemas/authService.js';
import {createOagStore} from '../store/createOagStore.js';
import type {ResourceStatus} from '../store/resourceStatus.js';
import type {OagState} from '../store/state.js';

// What `status` reports: one read of each part of the offline-mode setup, through the store's loaders (the
// same read path as the TUI). A part that fails is reported as that part's error, so one missing scope does
// not hide everything else.

export type PartError = {kind: OagErrorKind | 'unknown'; message: string};
export type Part<T> = {ok: true; value: T} | {ok: false; error: PartError};

export type StatusReport = {
	authService: Part<{enabled: false} | {enabled: true; setting: AuthServiceSetting; health?: HealthCheck}>;
	idps: Part<Array<{id: string; name: string; type: string; failoverMode: string}>>;
	/** Counts per state, the three documented ones always present; a state a newer gateway reports is counted too. */
	apps: Part<{total: number; byState: Record<string, number>; unreadable: number}>;
};

const failure = (kind: PartError['kind'] | undefined, message: string | undefined): {ok: false; error: PartError} => ({
	ok: false,
	error: {kind: kind ?? 'unknown', message: message ?? 'unknown error'},
});

const statusError = (status: ResourceStatus) => (status.state === 'error' ? failure(status.errorKind, status.error) : undefined);

function authPart(state: OagState): StatusReport['authService'] {
	const {setting, status} = state.authService;
	const error = statusError(status);
	if (error) return error;
	if (!setting) return {ok: true, value: {enabled: false}};
	const sample = state.health.history.at(-1);
	if (sample?.status === 'ERROR') return failure(sample.errorKind, sample.error);
	const health =
		sample && sample.status !== 'DISABLED'
			? {
					status: sample.status,
					...(sample.lastChecked !== undefined ? {lastChecked: sample.lastChecked} : {}),
					...(sample.details !== undefined ? {details: sample.details} : {}),
				}
			: undefined;
	return {ok: true, value: {enabled: true, setting, health}};
}

function idpsPart(state: OagState): StatusReport['idps'] {
	const error = statusError(state.idps.status);
	if (error) return error;
	const unread = state.idps.items.find(e => e.failover === undefined);
	if (unread) return failure(unread.errorKind, unread.error);
	return {
		ok: true,
		value: state.idps.items.map(e => ({id: e.idp.id, name: e.idp.name, type: e.idp.type, failoverMode: e.failover!})),
	};
}

function appsPart(state: OagState): StatusReport['apps'] {
	const error = statusError(state.apps.status);
	if (error) return error;
	const items = state.apps.items;
	const byState: Record<string, number> = Object.fromEntries(APP_STATES.map(s => [s, 0]));
	let unreadable = 0;
	for (const entry of items) {
		if (entry.state === undefined) unreadable++;
		else byState[entry.state] = (byState[entry.state] ?? 0) + 1;
	}
	// Every read failing is a failure of the part, not a count of zeros.
	if (items.length > 0 && unreadable === items.length) return failure(items[0]!.errorKind, items[0]!.error);
	return {ok: true, value: {total: items.length, byState, unreadable}};
}

export async function gatherStatus(api: OagApi): Promise<StatusReport> {
	// The app states only: `status` counts states, so the per-app policy reads are left out.
	const store = createOagStore({
		api,
		connection: {profile: 'status', host: '', keyBackend: '', readOnly: true, insecure: false},
		appPolicies: false,
	});
	try {
		await Promise.all([
			store.load('authService').then(async () => {
				if (store.state.getState().authService.setting) await store.load('health');
			}),
			store.load('idps'),
			store.load('apps'),
		]);
		const state = store.state.getState();
		return {authService: authPart(state), idps: idpsPart(state), apps: appsPart(state)};
	} finally {
		store.dispose();
	}
}

export function reportErrors(report: StatusReport): PartError[] {
	return [report.authService, report.idps, report.apps].flatMap(p => (p.ok ? [] : [p.error]));
}
