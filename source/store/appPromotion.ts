import {createStore, type StoreApi} from 'zustand/vanilla';
import type {OagApi} from '../api/OagApi.js';
import type {AppStateValue} from '../api/schemas/apps.js';
import {planStateChange, type StatePlan} from '../domain/appPlan.js';
import {appOutcomes, planOperations, type AppOutcome} from '../operations/appBulk.js';
import type {AppStateSlice} from '../operations/appState.js';
import {DEFAULT_CONCURRENCY, rollbackOf, runBulk, type BulkProgress, type BulkResult} from '../operations/bulk.js';
import type {OperationRunner} from '../operations/runner.js';
import type {ConfirmFn} from '../operations/types.js';
import type {OagState} from './state.js';

// The TUI's incident promotion: a plan from the states the store already holds (no extra reads), one
// typed confirmation, the bulk under the cap with progress, a stop that lets in-flight requests finish,
// and an undo of what went through. Its own small store, so the views select the phase and nothing else.

export type PromotionPhase =
	| {kind: 'idle'}
	| {kind: 'plan'; plan: StatePlan}
	| {kind: 'running'; plan: StatePlan; progress: BulkProgress; interrupting: boolean}
	| {kind: 'done'; plan: StatePlan; progress: BulkProgress; interrupted: boolean; outcomes: readonly AppOutcome[]};

export type PromotionState = {phase: PromotionPhase; canUndo: boolean};

export type AppPromotion = {
	state: StoreApi<PromotionState>;
	/** "All apps in TEST" (or any state) to `to`. */
	planAllIn(from: AppStateValue, to: AppStateValue): StatePlan;
	/** The marked rows (or one app) to `to`. */
	planFor(ids: readonly string[], to: AppStateValue): StatePlan;
	/** Runs the current plan; `confirm` is asked once (the typed word). */
	run(confirm: ConfirmFn): Promise<void>;
	/** Starts nothing new; the requests in flight finish and the summary says what was not sent. */
	stop(): void;
	/** Puts back the states read before the last run (the inverse operations, in reverse order). */
	undo(confirm: ConfirmFn): Promise<void>;
	close(): void;
};

export type PromotionOptions = {api: Pick<OagApi, 'apps'>; runner: OperationRunner; store: StoreApi<OagState>; concurrency?: number};

const newBatch = (): string => `${new Date().toISOString()}-tui`;

export function createAppPromotion(options: PromotionOptions): AppPromotion {
	const state = createStore<PromotionState>()(() => ({phase: {kind: 'idle'}, canUndo: false}));
	const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
	let controller: AbortController | undefined;
	let last: {result: BulkResult<AppStateSlice>; to: AppStateValue} | undefined;

	const inputs = (ids?: ReadonlySet<string>) =>
		options.store
			.getState()
			.apps.items.filter(entry => !ids || ids.has(entry.app.id))
			.map(entry => ({id: entry.app.id, name: entry.app.name, ...(entry.state === undefined ? {} : {state: entry.state}), policy: entry}));
	const era = () => options.store.getState().policyEra;
	const showPlan = (plan: StatePlan): StatePlan => {
		state.setState({phase: {kind: 'plan', plan}});
		return plan;
	};

	/** The store's app rows follow what the gateway read back, so the list shows the new states at once. */
	const applyToList = (outcomes: readonly AppOutcome[]) => {
		const read = new Map(outcomes.flatMap(o => (o.state === undefined ? [] : [[o.id, o.state] as const])));
		if (read.size === 0) return;
		options.store.setState(s => ({apps: {...s.apps, items: s.apps.items.map(e => (read.has(e.app.id) ? {...e, state: read.get(e.app.id)} : e))}}));
	};

	async function execute(plan: StatePlan, operations: ReturnType<typeof planOperations>, confirm: ConfirmFn): Promise<BulkResult<AppStateSlice>> {
		// Asked while the plan is still on screen; runBulk then hands the answer to every operation (a
		// refusal is audited per app by the runner, and nothing is sent).
		const declared = operations.find(op => op.confirmation)?.confirmation;
		const answer = declared ? await confirm({expected: declared.expected, prompt: `${operations.length} change(s): ${declared.prompt}`}) : true;
		controller = new AbortController();
		const total = operations.length;
		state.setState({phase: {kind: 'running', plan, progress: {total, finished: 0, ok: 0, failed: 0}, interrupting: false}});
		const result = await runBulk(options.runner, operations, {
			concurrency,
			confirm: async () => answer,
			signal: controller.signal,
			onProgress: progress => {
				const phase = state.getState().phase;
				if (phase.kind === 'running') state.setState({phase: {...phase, progress}});
			},
		});
		controller = undefined;
		const outcomes = appOutcomes(plan.steps, result);
		applyToList(outcomes);
		const progress = {total, finished: result.done + result.failed, ok: result.done, failed: result.failed};
		state.setState({phase: {kind: 'done', plan, progress, interrupted: result.aborted, outcomes}});
		return result;
	}

	return {
		state,
		planAllIn: (from, to) => showPlan(planStateChange(inputs(), to, {onlyFrom: from, ...(era() ? {era: era()!} : {})})),
		planFor: (ids, to) => showPlan(planStateChange(inputs(new Set(ids)), to, era() ? {era: era()!} : {})),
		async run(confirm) {
			const phase = state.getState().phase;
			if (phase.kind !== 'plan' || phase.plan.steps.length === 0) return;
			const result = await execute(phase.plan, planOperations(options.api, phase.plan, newBatch()), confirm);
			// Declined: nothing was sent; the plan stays on screen for another try or Esc.
			if (result.items.every(item => item.state === 'failed' && item.outcome.outcome === 'not-confirmed')) {
				state.setState({phase: {kind: 'plan', plan: phase.plan}});
				return;
			}
			last = {result, to: phase.plan.to};
			state.setState({canUndo: rollbackOf(result).length > 0});
		},
		stop() {
			if (!controller || controller.signal.aborted) return;
			controller.abort();
			const phase = state.getState().phase;
			if (phase.kind === 'running') state.setState({phase: {...phase, interrupting: true}});
		},
		async undo(confirm) {
			const rollback = last ? rollbackOf(last.result) : [];
			if (!last || rollback.length === 0) return;
			const from = last.to;
			const steps = rollback.map(op => ({id: op.target.id, name: op.target.name ?? op.target.id, from, to: op.requested.state as AppStateValue, risks: []}));
			const plan: StatePlan = {to: steps[0]!.to, steps, skipped: []};
			const result = await execute(plan, rollback.map(op => ({...op, confirmation: {expected: 'UNDO', prompt: `Put ${rollback.length} app(s) back to the state read before.`}})), confirm);
			if (result.done > 0) {
				last = undefined;
				state.setState({canUndo: false});
			}
		},
		close() {
			if (state.getState().phase.kind !== 'running') state.setState({phase: {kind: 'idle'}});
		},
	};
}
