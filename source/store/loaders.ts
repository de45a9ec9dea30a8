import type {StoreApi} from 'zustand/vanilla';
import {isOagError} from '../api/errors.js';
import type {OagApi} from '../api/OagApi.js';
import type {App, Idp} from '../api/schemas/index.js';
import {mapLimit, settle} from './mapLimit.js';
import {describeError, failed, loading, ready} from './resourceStatus.js';
import type {PolicyEra} from '../domain/gatewayVersion.js';
import type {AppEntry, IdpEntry, OagState, ResourceName} from './state.js';

// Read flow (design section 3): load(resource) -> api (zod-parsed) -> slice updated.
// A failed load keeps the previous data and marks the slice with the error.

export type LoaderContext = {api: OagApi; store: StoreApi<OagState>; now: () => number; concurrency: number};

type Slice = 'authService' | 'idps' | 'apps' | 'certificates';

function markLoading(ctx: LoaderContext, slice: Slice) {
	ctx.store.setState(s => ({[slice]: {...s[slice], status: loading(s[slice].status)}}) as Partial<OagState>);
}

function markFailed(ctx: LoaderContext, slice: Slice, error: unknown) {
	ctx.store.setState(s => ({[slice]: {...s[slice], status: failed(s[slice].status, error)}}) as Partial<OagState>);
	noteConnection(ctx, error);
}

/** Network-level failures say something about the connection, not only the resource. */
export function noteConnection(ctx: LoaderContext, error?: unknown) {
	const connection = ctx.store.getState().connection;
	if (error === undefined) {
		if (connection.status !== 'connected' || connection.lastError) {
			ctx.store.setState({connection: {...connection, status: 'connected', lastError: undefined}});
		}
		return;
	}
	const kind = isOagError(error) ? error.kind : 'unknown';
	if (['network', 'tls', 'timeout', 'unauthorized', 'missing-scope'].includes(kind)) {
		ctx.store.setState({connection: {...connection, status: 'error', lastError: describeError(error)}});
	}
}

export async function loadAuthService(ctx: LoaderContext): Promise<void> {
	markLoading(ctx, 'authService');
	try {
		const setting = await ctx.api.authService.get();
		ctx.store.setState({authService: {setting: setting ?? null, status: ready(ctx.now())}});
		noteConnection(ctx);
	} catch (error) {
		markFailed(ctx, 'authService', error);
	}
}

export async function loadCertificates(ctx: LoaderContext): Promise<void> {
	markLoading(ctx, 'certificates');
	try {
		const items = await ctx.api.certificates.list();
		ctx.store.setState({certificates: {items, status: ready(ctx.now())}});
		noteConnection(ctx);
	} catch (error) {
		markFailed(ctx, 'certificates', error);
	}
}

async function idpDetails(api: OagApi, idp: Idp): Promise<IdpEntry> {
	const [failover, healthPolicy, directories] = await Promise.all([
		settle(api.idps.getFailoverMode(idp.id)),
		settle(api.idps.getHealthPolicy(idp.id)),
		settle(api.directories.list(idp.id)),
	]);
	const firstError = failover.error ?? healthPolicy.error ?? directories.error;
	return {
		idp,
		failover: failover.value?.mode,
		healthPolicy: healthPolicy.value,
		directories: directories.value,
		error: firstError === undefined ? undefined : describeError(firstError),
	};
}

export async function loadIdps(ctx: LoaderContext): Promise<void> {
	markLoading(ctx, 'idps');
	try {
		const idps = await ctx.api.idps.list();
		const items = await mapLimit(idps, ctx.concurrency, idp => idpDetails(ctx.api, idp));
		ctx.store.setState(s => ({idps: {...s.idps, items, status: ready(ctx.now())}}));
		noteConnection(ctx);
	} catch (error) {
		markFailed(ctx, 'idps', error);
	}
}

/** Only the failover modes: what the live IdP panel polls. Throws so the poller can back off. */
export async function refreshFailoverModes(ctx: LoaderContext): Promise<void> {
	const entries = ctx.store.getState().idps.items;
	const modes = await mapLimit(entries, ctx.concurrency, entry => ctx.api.idps.getFailoverMode(entry.idp.id));
	ctx.store.setState(s => ({
		idps: {
			...s.idps,
			items: s.idps.items.map(entry => {
				const index = entries.findIndex(e => e.idp.id === entry.idp.id);
				const mode = index >= 0 ? modes[index]?.mode : undefined;
				return mode === undefined || mode === entry.failover ? entry : {...entry, failover: mode};
			}),
		},
	}));
}

async function appDetails(api: OagApi, app: App): Promise<AppEntry> {
	const [state, groups, access] = await Promise.all([
		settle(api.apps.getState(app.id)),
		settle(api.apps.getGroupPolicy(app.id)),
		settle(api.apps.getAccessPolicy(app.id)),
	]);
	// One of the two policy reads may be absent on a given gateway era; only the state read is essential.
	return {
		app,
		state: state.value?.state,
		groups: groups.value?.groups.map(g => g.name),
		accessPolicyId: access.value ? access.value.accessPolicyId : undefined,
		error: state.error === undefined ? undefined : describeError(state.error),
	};
}

/**
 * The policy era as the reads show it: an access-policy read answers on gateways from the cutover and
 * 404 ("not configured") before it. A gateway that says neither leaves the era open.
 */
function eraFrom(details: readonly AppEntry[]): PolicyEra | undefined {
	if (details.some(d => d.accessPolicyId !== undefined)) return 'access-policy';
	if (details.some(d => d.groups !== undefined && d.state !== undefined)) return 'group-policy';
	return undefined;
}

const APP_BATCH = 50;

export async function loadApps(ctx: LoaderContext): Promise<void> {
	markLoading(ctx, 'apps');
	try {
		const apps = await ctx.api.apps.list();
		const previous = new Map(ctx.store.getState().apps.items.map(e => [e.app.id, e]));
		const items: AppEntry[] = apps.map(app => ({...previous.get(app.id), app}));
		ctx.store.setState(s => ({apps: {...s.apps, items, detailsLoaded: 0}}));
		noteConnection(ctx);
		// Details come one GET per app; publish them in batches so a big gateway fills in progressively.
		for (let start = 0; start < apps.length; start += APP_BATCH) {
			const batch = apps.slice(start, start + APP_BATCH);
			const details = await mapLimit(batch, ctx.concurrency, app => appDetails(ctx.api, app));
			ctx.store.setState(s => {
				const next = s.apps.items.slice();
				details.forEach((detail, i) => (next[start + i] = detail));
				const era = s.policyEra ?? eraFrom(details);
				return {apps: {...s.apps, items: next, detailsLoaded: start + details.length}, ...(era ? {policyEra: era} : {})};
			});
		}
		ctx.store.setState(s => ({apps: {...s.apps, status: ready(ctx.now())}}));
	} catch (error) {
		markFailed(ctx, 'apps', error);
	}
}

export const loaders: Record<Exclude<ResourceName, 'health'>, (ctx: LoaderContext) => Promise<void>> = {
	authService: loadAuthService,
	idps: loadIdps,
	apps: loadApps,
	certificates: loadCertificates,
};
