import {createStore, type StoreApi} from 'zustand/vanilla';
import type {AuthState} from '../api/clientOptions.js';
import type {OagApi} from '../api/OagApi.js';
import type {FailoverModeValue} from '../api/schemas/index.js';
import {createAppPromotion, type AppPromotion} from './appPromotion.js';
import {failoverOperation, type FailoverState} from '../operations/failover.js';
import {createRunner, type AuditLog, type OperationRunner} from '../operations/runner.js';
import type {ConfirmFn, OperationOutcome} from '../operations/types.js';
import {loadAudit} from './auditSlice.js';
import {appendSample} from './healthHistory.js';
import {createLiveFeed, DEFAULT_POLL_MS, type LiveFeed} from './liveFeed.js';
import {loaders, noteConnection, refreshFailoverModes, type LoaderContext} from './loaders.js';
import {runMutation, type MutationOutcome, type MutationRecord, type MutationSpec} from './mutation.js';
import type {PollerStatus, PollerTimers} from './poller.js';
import {describeError, IDLE} from './resourceStatus.js';
import {RESOURCE_NAMES, type ConnectionInfo, type OagState, type ResourceName, type Toast} from './state.js';

export type OagStoreOptions = {
	api: OagApi;
	connection: ConnectionInfo;
	/** The client's token state (OagClient.authState), shown in the header; never the token. */
	authState?: () => AuthState;
	healthIntervalMs?: number;
	concurrency?: number;
	/** Every mutation that reached the gateway, for the audit log. */
	onMutation?: (record: MutationRecord) => void;
	/** Where the operations runner writes its audit lines; memory when absent (demo, tests). */
	audit?: AuditLog;
	timers?: Partial<PollerTimers>;
};

/** The store plus its actions. Views read `state` through selectors and call the actions; never the API. */
export type OagStore = {
	state: StoreApi<OagState>;
	load(resource: ResourceName): Promise<void>;
	loadAll(): Promise<void>;
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
	loadAudit(): Promise<void>;
	notify(text: string, tone?: Toast['tone']): void;
	dispose(): void;
};

const initialPoll = (intervalMs: number): PollerStatus => ({
	running: false,
	paused: false,
	inFlight: false,
	intervalMs,
	failureStreak: 0,
});

export function createOagStore(options: OagStoreOptions): OagStore {
	const now = options.timers?.now ?? Date.now;
	const healthMs = options.healthIntervalMs ?? DEFAULT_POLL_MS;
	const state = createStore<OagState>()(() => ({
		connection: {...options.connection, status: 'connecting'},
		authService: {setting: undefined, status: IDLE},
		health: {history: [], poll: initialPoll(healthMs), userPaused: false},
		idps: {items: [], status: IDLE, poll: initialPoll(healthMs), userPaused: false},
		apps: {items: [], status: IDLE, detailsLoaded: 0},
		certificates: {items: [], status: IDLE},
	}));
	const ctx: LoaderContext = {api: options.api, store: state, now, concurrency: options.concurrency ?? 8};

	const refreshToken = () => {
		const auth = options.authState?.();
		if (!auth) return;
		const connection = state.getState().connection;
		if (connection.token?.tokenExpiresAt === auth.tokenExpiresAt && connection.token?.mode === auth.mode) return;
		state.setState({connection: {...connection, token: {mode: auth.mode, tokenExpiresAt: auth.tokenExpiresAt}}});
	};

	const health = createLiveFeed({
		task: () => options.api.authService.health(),
		intervalMs: healthMs,
		timers: options.timers,
		onResult: (check, ms) => {
			const sample = check
				? {at: now(), status: check.status, lastChecked: check.lastChecked, roundTripMs: ms}
				: {at: now(), status: 'DISABLED', roundTripMs: ms};
			state.setState(s => ({health: {...s.health, history: appendSample(s.health.history, sample)}}));
			noteConnection(ctx);
			refreshToken();
		},
		onError: (error, ms) => {
			const sample = {at: now(), status: 'ERROR', roundTripMs: ms, error: describeError(error)};
			state.setState(s => ({health: {...s.health, history: appendSample(s.health.history, sample)}}));
			noteConnection(ctx, error);
		},
		onStatus: (poll, userPaused) => state.setState(s => ({health: {...s.health, poll, userPaused}})),
	});

	const idpModes = createLiveFeed({
		task: async () => {
			// The modes need the list of IdPs first; load it once if nothing is there yet.
			if (state.getState().idps.items.length === 0) await loaders.idps(ctx);
			await refreshFailoverModes(ctx);
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

	const load = async (resource: ResourceName) => {
		if (resource === 'health') await health.refresh();
		else await loaders[resource](ctx);
		refreshToken();
	};

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
		load,
		loadAll: async () => {
			await Promise.all(RESOURCE_NAMES.map(load));
		},
		health,
		idpModes,
		mutate,
		notify,
		operations,
		promotion: createAppPromotion({api: options.api, runner: operations, store: state, concurrency: ctx.concurrency}),
		loadAudit: () => loadAudit(state, operations, now),
		setFailoverMode: async (idpId, mode, confirm) => {
			const name = state.getState().idps.items.find(e => e.idp.id === idpId)?.idp.name;
			const outcome = await operations.run(failoverOperation(options.api, {id: idpId, ...(name ? {name} : {})}, mode), confirm ? {confirm} : {});
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
		},
	};
}
