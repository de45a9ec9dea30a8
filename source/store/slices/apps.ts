import {isOagError} from '../../api/errors.js';
import type {PolicyEra} from '../../domain/gatewayVersion.js';
import {settle} from '../mapLimit.js';
import {describeError, IDLE, ready} from '../resourceStatus.js';
import type {AppEntry, AppsSlice} from '../state.js';
import {createAppQueue} from './appQueue.js';
import {connected, markFailed, markLoading, type SliceContext} from './context.js';

// The apps: one list read, then one state read per app (the load is done when every state is known), then
// one policy read per app in the background. Once the policy era is known only the read that answers in
// that era is sent: the group policy before the cutover, the access policy from it. Results are published
// in batches (the visible rows' at once), so 10,000 answers cost a few dozen store updates, not 10,000. The
// batches are spaced by what the last update cost the process (its renders included): a view that is slow to
// render thousands of rows slows the updates down, instead of starving the reads and the keys.

export const initial: AppsSlice = {items: [], status: IDLE, detailsLoaded: 0, policiesLoaded: 0};

export type AppsActions = {
	load(): Promise<void>;
	/** Read these apps' details next: the views pass their visible rows. */
	prioritise(ids: readonly string[]): void;
	/** Resolves when every pending per-app read (policies included) has settled. */
	settled(): Promise<void>;
	/**
	 * This app's offline policy now, unless the store already holds it for the known era (a form starts
	 * from it: it must not start from "none" because the background read has not come yet).
	 */
	ensurePolicy(id: string): Promise<void>;
	/**
	 * What a save read back from the gateway after writing this app's policy: shown at once, and every policy
	 * read of this app that started before it is dropped when it answers (its value may be the old one).
	 */
	policySaved(id: string, policy: PolicyFields): void;
	/** No further reads: the store is being disposed. */
	dispose(): void;
};

/** The parts of an app's entry a policy read or a policy save sets. */
export type PolicyFields = Partial<Pick<AppEntry, 'groups' | 'accessPolicyId' | 'policyError'>>;

const PUBLISH_MS = 500;
/** The next batch waits at least this many times what the last one cost (the UI gets most of the CPU). */
const PUBLISH_COST_FACTOR = 4;

export function create(ctx: SliceContext): AppsActions {
	let index = new Map<string, number>();
	let patches = new Map<string, Partial<AppEntry>>();
	let generation = 0;
	let statesRead = 0;
	let policiesRead = 0;
	let eraProbe: Promise<void> | undefined;
	let publishedAt = 0;
	let publishCostMs = 0;
	/** Per app, how many saves have landed: a read that started before the latest one is older than it. */
	const policySaves = new Map<string, number>();

	const publish = () => {
		if (patches.size === 0) return;
		const started = ctx.now();
		publishedAt = started;
		// The renders this update causes run before the next macrotask: measure up to there.
		setImmediate(() => (publishCostMs = ctx.now() - started));
		const batch = patches;
		patches = new Map();
		ctx.store.setState(s => {
			const items = s.apps.items.slice();
			for (const [id, patch] of batch) {
				const i = index.get(id);
				const entry = i === undefined ? undefined : items[i];
				if (entry && entry.app.id === id) items[i!] = {...entry, ...patch};
			}
			return {apps: {...s.apps, items, detailsLoaded: statesRead, policiesLoaded: policiesRead}};
		});
	};
	const record = (id: string, patch: Partial<AppEntry>, prioritised: boolean) => {
		patches.set(id, {...patches.get(id), ...patch});
		const gap = Math.max(PUBLISH_MS, PUBLISH_COST_FACTOR * publishCostMs);
		if (prioritised || ctx.now() - publishedAt >= gap) publish();
	};
	const setEra = (era: PolicyEra) => {
		if (ctx.store.getState().policyEra === undefined) ctx.store.setState({policyEra: era});
	};

	const readState = async (id: string): Promise<Partial<AppEntry>> => {
		const result = await settle(ctx.api.apps.getState(id));
		if (result.error === undefined) return {state: result.value?.state, error: undefined, errorKind: undefined};
		return {error: describeError(result.error), errorKind: isOagError(result.error) ? result.error.kind : 'unknown'};
	};

	const readFailed = (error: unknown): PolicyFields => ({policyError: describeError(error)});
	const readGroups = async (id: string): Promise<PolicyFields> => {
		const groups = await settle(ctx.api.apps.getGroupPolicy(id));
		return groups.value ? {groups: groups.value.groups.map(g => g.name), policyError: undefined} : readFailed(groups.error);
	};
	const readAccessPolicy = async (id: string): Promise<PolicyFields> => {
		const access = await settle(ctx.api.apps.getAccessPolicy(id));
		return access.value ? {accessPolicyId: access.value.accessPolicyId, policyError: undefined} : readFailed(access.error);
	};

	/** One policy read; what it answers is dropped when a save of this app's policy landed meanwhile. */
	const readPolicy = async (id: string): Promise<PolicyFields> => {
		const saves = policySaves.get(id);
		const patch = await readPolicyOnce(id);
		return policySaves.get(id) === saves ? patch : {};
	};

	/** One policy read; while the era is unknown, one read at a time is the probe that finds it. */
	const readPolicyOnce = async (id: string): Promise<PolicyFields> => {
		let era = ctx.store.getState().policyEra;
		while (era === undefined && eraProbe) {
			await eraProbe;
			era = ctx.store.getState().policyEra;
		}
		if (era === 'access-policy') return readAccessPolicy(id);
		if (era === 'group-policy') return readGroups(id);
		let done = () => {};
		eraProbe = new Promise<void>(resolve => (done = resolve));
		try {
			// Access policies answer from the cutover and are "not configured" (404) before it.
			const access = await settle(ctx.api.apps.getAccessPolicy(id));
			if (access.value) {
				setEra('access-policy');
				return {accessPolicyId: access.value.accessPolicyId, policyError: undefined};
			}
			if (isOagError(access.error) && access.error.kind === 'not-found') {
				setEra('group-policy');
				return readGroups(id);
			}
			// Failed for another reason: the era stays unknown and the next policy read probes again.
			return readFailed(access.error);
		} finally {
			eraProbe = undefined;
			done();
		}
	};

	const queue = createAppQueue({
		concurrency: ctx.concurrency,
		async run(work, id, prioritised) {
			const started = generation;
			const patch = work === 'state' ? await readState(id) : await readPolicy(id);
			// A read started before a reload still carries news, but it does not count for the new load.
			if (started === generation) {
				if (work === 'state') statesRead++;
				else policiesRead++;
			}
			record(id, patch, prioritised);
		},
		onIdle: publish,
	});

	return {
		async load() {
			markLoading(ctx, 'apps');
			try {
				const apps = await ctx.api.apps.list();
				// The previous details stay on screen while the new ones arrive.
				const previous = new Map(ctx.store.getState().apps.items.map(e => [e.app.id, e]));
				const items: AppEntry[] = apps.map(app => ({...previous.get(app.id), app}));
				index = new Map(apps.map((app, i) => [app.id, i]));
				patches = new Map();
				generation++;
				statesRead = 0;
				policiesRead = 0;
				ctx.store.setState(s => ({apps: {...s.apps, items, detailsLoaded: 0, policiesLoaded: 0}}));
				connected(ctx);
				queue.reset(
					apps.map(app => app.id),
					ctx.appPolicies,
				);
				await queue.statesDone();
				publish();
				ctx.store.setState(s => ({apps: {...s.apps, status: ready(ctx.now())}}));
			} catch (error) {
				markFailed(ctx, 'apps', error);
			}
		},
		prioritise: ids => queue.prioritise(ids),
		async ensurePolicy(id) {
			const held = () => {
				const entry = ctx.store.getState().apps.items.find(e => e.app.id === id);
				const era = ctx.store.getState().policyEra;
				return entry !== undefined && era !== undefined && (era === 'group-policy' ? entry.groups : entry.accessPolicyId) !== undefined;
			};
			if (held()) return;
			// A read again after a failure: the form says "reading" again, not the old failure, while it runs.
			if (ctx.store.getState().apps.items.find(e => e.app.id === id)?.policyError !== undefined) record(id, {policyError: undefined}, true);
			record(id, await readPolicy(id), true);
		},
		policySaved(id, policy) {
			policySaves.set(id, (policySaves.get(id) ?? 0) + 1);
			// A read answered before the save but not published yet is older than the save too.
			const pending = patches.get(id);
			if (pending) {
				const {groups: _groups, accessPolicyId: _accessPolicyId, policyError: _policyError, ...rest} = pending;
				if (Object.keys(rest).length > 0) patches.set(id, rest);
				else patches.delete(id);
			}
			ctx.store.setState(s => ({apps: {...s.apps, items: s.apps.items.map(e => (e.app.id === id ? {...e, ...policy, policyError: undefined} : e))}}));
		},
		dispose: () => queue.stop(),
		async settled() {
			await queue.idle();
			publish();
		},
	};
}
