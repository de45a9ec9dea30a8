import {createStore, type StoreApi} from 'zustand/vanilla';
import type {AuthState} from '../api/clientOptions.js';
import type {OagApi} from '../api/OagApi.js';
import type {FailoverModeValue} from '../api/schemas/index.js';
import {createAppPromotion, type AppPromotion} from './appPromotion.js';
import type {FailoverState} from '../operations/failover.js';
import {adviseFailover} from '../operations/failoverAdvice.js';
import {createRunner, type AuditLog, type OperationRunner} from '../operations/runner.js';
import type {ConfirmFn, OperationOutcome} from '../operations/types.js';
import {createAppPolicyActions, type AppPolicyActions} from './appPolicyActions.js';
import {loadAudit} from './auditSlice.js';
import {createAuthServiceActions, type AuthServiceActions} from './authServiceActions.js';
import {idpOfflineActions, type IdpOfflineActions} from './idpOffline.js';
import {createLiveFeed, DEFAULT_POLL_MS, type LiveFeed} from './liveFeed.js';
import {runMutation, type MutationOutcome, type MutationRecord, type MutationSpec} from './mutation.js';
import type {PollerTimers} from './poller.js';
import {createSingleFlight, type SingleFlight} from './singleFlight.js';
import * as accessPoliciesSlice from './slices/accessPolicies.js';
import * as appsSlice from './slices/apps.js';
import * as authServiceSlice from './slices/authService.js';
import * as certificatesSlice from './slices/certificates.js';
import type {SliceContext} from './slices/context.js';
import * as healthSlice from './slices/health.js';
import * as idpsSlice from './slices/idps.js';
import {RESOURCE_NAMES, type ConnectionInfo, type OagState, type ResourceName, type Toast} from './state.js';

// Composes the slices (one file per resource under slices/) into the store the TUI and `status` use.
// Every resource load goes through one single-flight with a freshness age.

/** How long loaded data counts as fresh for ensure(): going back to a screen within it sends nothing. */
export const DEFAULT_FRESH_MS = 120_000;

export type OagStoreOptions = {
	api: OagApi;
	connection: ConnectionInfo;
	/** The client's token state (OagClient.authState), shown in the header; never the token. */
	authState?: () => AuthState;
	healthIntervalMs?: number;
	concurrency?: number;
	/** Freshness age of loaded resources (default DEFAULT_FRESH_MS). */
	freshMs?: number;
	/** Read each app's offline policy in the background after its state (default true; `status` needs states only). */
	appPolicies?: boolean;
	/** Every mutation that reached the gateway, for the audit log. */
	onMutation?: (record: MutationRecord) => void;
	/** Where the operations runner writes its audit lines; memory when absent (demo, tests). */
	audit?: AuditLog;
	timers?: Partial<PollerTimers>;
};

/** The store plus its actions. Views read `state` through selectors and call the actions; never the API. */
export type OagStore = {
	state: StoreApi<OagState>;
	/** For a view's mount effect: load if never loaded or stale; joins a load in flight. */
	ensure(resource: ResourceName): Promise<void>;
	/** A forced refresh (`r`): joins a load in flight instead of starting a second one. */
	load(resource: ResourceName): Promise<void>;
	loadAll(): Promise<void>;
	/** Directories of one IdP (or of every listed IdP), loaded on demand. */
	ensureDirectories(idpId?: string): Promise<void>;
	apps: Pick<appsSlice.AppsActions, 'prioritise' | 'settled' | 'ensurePolicy'>;
	/** One IdP's offline access policies (the app policy form's choices), loaded on demand. */
	accessPolicies: accessPoliciesSlice.AccessPoliciesActions;
	/** Who may sign in to an app offline: its group names, or its access policy (per the gateway's era). */
	appPolicy: AppPolicyActions;
	/** The authentication service's health check, live. */
	health: LiveFeed;
	/** The IdPs' failover modes, live. */
	idpModes: LiveFeed;
	mutate<V, R>(spec: MutationSpec<V, R>): Promise<MutationOutcome<V, R>>;
	/** The one operations runner (read-only, confirmation, verify, audit): the TUI's changes go through it. */
	operations: OperationRunner;
	/** The incident promotion (plan, typed confirmation, bulk with progress, stop, undo) of the Apps screens. */
	promotion: AppPromotion;
	/** DISABLED asks `confirm` for the typed confirmation the operation declares. */
	setFailoverMode(idpId: string, mode: FailoverModeValue, confirm?: ConfirmFn): Promise<OperationOutcome<FailoverState>>;
	/** The IdP screen's changes and tests: health policy, directories, failover with its warnings. */
	idpOffline: IdpOfflineActions;
	loadAudit(): Promise<void>;
	/** Enable, disable, change settings, and the database pre-flight from this machine. */
	authService: AuthServiceActions;
	notify(text: string, tone?: Toast['tone']): void;
	dispose(): void;
};

export function createOagStore(options: OagStoreOptions): OagStore {
	const now = options.timers?.now ?? Date.now;
	const healthMs = options.healthIntervalMs ?? DEFAULT_POLL_MS;
	const freshMs = options.freshMs ?? DEFAULT_FRESH_MS;
	const state = createStore<OagState>()(() => ({
		connection: {...options.connection, status: 'connecting'},
		authService: authServiceSlice.initial,
		health: healthSlice.initial(healthMs),
		idps: idpsSlice.initial(healthMs),
		apps: appsSlice.initial,
		certificates: certificatesSlice.initial,
		accessPolicies: accessPoliciesSlice.initial,
	}));
	const ctx: SliceContext = {
		api: options.api,
		store: state,
		now,
		concurrency: options.concurrency ?? 8,
		appPolicies: options.appPolicies ?? true,
	};

	const refreshToken = () => {
		const auth = options.authState?.();
		if (!auth) return;
		const connection = state.getState().connection;
		if (connection.token?.tokenExpiresAt === auth.tokenExpiresAt && connection.token?.mode === auth.mode) return;
		state.setState({connection: {...connection, token: {mode: auth.mode, tokenExpiresAt: auth.tokenExpiresAt}}});
	};

	const health = healthSlice.create(ctx, {intervalMs: healthMs, timers: options.timers, onChecked: refreshToken});
	const authService = authServiceSlice.create(ctx);
	const certificates = certificatesSlice.create(ctx);
	const apps = appsSlice.create(ctx);
	const accessPolicies = accessPoliciesSlice.create(ctx, freshMs);
	const idps = idpsSlice.create(ctx, freshMs, () => flights.idps.ensure());

	const flight = (run: () => Promise<void>, loadedAt: () => number | undefined, ageMs = freshMs) =>
		createSingleFlight({
			run: async () => {
				await run();
				refreshToken();
			},
			loadedAt,
			freshMs: ageMs,
			now,
		});
	const flights: Record<ResourceName, SingleFlight> = {
		authService: flight(authService.load, () => state.getState().authService.status.loadedAt),
		idps: flight(idps.load, () => state.getState().idps.status.loadedAt),
		apps: flight(apps.load, () => state.getState().apps.status.loadedAt),
		certificates: flight(certificates.load, () => state.getState().certificates.status.loadedAt),
		// The poller already joins a check in flight; a sample is fresh for one poll interval.
		health: flight(() => health.refresh(), () => state.getState().health.history.at(-1)?.at, healthMs),
	};

	const idpModes = createLiveFeed({
		task: async () => {
			// The modes need the list of IdPs first (once: the poll itself keeps the modes fresh).
			if (state.getState().idps.status.loadedAt === undefined) await flights.idps.ensure();
			await idps.refreshFailoverModes();
		},
		intervalMs: healthMs,
		timers: options.timers,
		onStatus: (poll, userPaused) => state.setState(s => ({idps: {...s.idps, poll, userPaused}})),
	});

	const operations = createRunner({
		...(options.audit ? {audit: options.audit} : {}),
		actor: () => ({profile: options.connection.profile, gateway: options.connection.host, via: 'tui'}),
		readOnly: () => state.getState().connection.readOnly,
		now,
	});

	const notify = (text: string, tone: Toast['tone'] = 'info') => state.setState({toast: {text, tone, at: now()}});

	const mutate = async <V, R>(spec: MutationSpec<V, R>) => {
		const outcome = await runMutation(spec, {
			readOnly: state.getState().connection.readOnly,
			onRecord: options.onMutation,
			now,
		});
		notify(outcome.message, outcome.ok ? 'ok' : 'error');
		return outcome;
	};

	return {
		state,
		ensure: resource => flights[resource].ensure(),
		load: resource => flights[resource].load(),
		loadAll: async () => {
			await Promise.all(RESOURCE_NAMES.map(resource => flights[resource].load()));
		},
		ensureDirectories: idpId => idps.ensureDirectories(idpId),
		apps: {prioritise: apps.prioritise, settled: apps.settled, ensurePolicy: apps.ensurePolicy},
		accessPolicies,
		health,
		idpModes,
		mutate,
		notify,
		operations,
		promotion: createAppPromotion({api: options.api, runner: operations, store: state, concurrency: ctx.concurrency}),
		appPolicy: createAppPolicyActions({api: options.api, state, operations, notify, policySaved: apps.policySaved}),
		loadAudit: () => loadAudit(state, operations, now),
		authService: createAuthServiceActions({api: options.api, operations, state, load: resource => flights[resource].load(), notify}),
		idpOffline: idpOfflineActions({api: options.api, state, operations, notify}),
		setFailoverMode: async (idpId, mode, confirm) => {
			const name = state.getState().idps.items.find(e => e.idp.id === idpId)?.idp.name;
			// AUTOMATIC on an IdP without a directory asks too (offline sign-in would find no users).
			const {operation} = await adviseFailover(options.api, {id: idpId, ...(name ? {name} : {})}, mode);
			const outcome = await operations.run(operation, confirm ? {confirm} : {});
			const after = outcome.after?.mode;
			if (after !== undefined) {
				state.setState(s => ({idps: {...s.idps, items: s.idps.items.map(e => (e.idp.id === idpId ? {...e, failover: after} : e))}}));
			}
			notify(outcome.message, outcome.ok ? 'ok' : outcome.outcome === 'not-confirmed' ? 'info' : 'error');
			return outcome;
		},
		dispose() {
			health.dispose();
			idpModes.dispose();
			apps.dispose();
		},
	};
}
