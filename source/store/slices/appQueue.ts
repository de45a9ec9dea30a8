// The per-app reads behind the apps list, under the concurrency cap. The offline state is the essential read
// (one GET per app); the offline policy is a detail read in the background. Order: the rows the admin sees
// (prioritise) first, states before policies, then every other state, then every other policy.

export type AppWork = 'state' | 'policy';

export type AppQueue = {
	/** A new load: every id needs its state read, and its policy read when `policies` is set. */
	reset(ids: readonly string[], policies: boolean): void;
	/** Read these ids next (the visible rows); replaces the previous priority. */
	prioritise(ids: readonly string[]): void;
	/** Resolves once no state read is pending or running. */
	statesDone(): Promise<void>;
	/** Resolves once nothing is pending or running. */
	idle(): Promise<void>;
	/** Drops every pending read (the store is being disposed); reads already sent finish. */
	stop(): void;
};

export type AppQueueOptions = {
	concurrency: number;
	run(work: AppWork, id: string, prioritised: boolean): Promise<void>;
	/** Called when the queue runs dry (to publish the last results). */
	onIdle(): void;
};

type Task = {work: AppWork; id: string; prioritised: boolean};

function firstOf(set: Set<string>): string | undefined {
	for (const value of set) return value;
	return undefined;
}

export function createAppQueue(options: AppQueueOptions): AppQueue {
	let pendingStates = new Set<string>();
	let pendingPolicies = new Set<string>();
	let priority: readonly string[] = [];
	let running = 0;
	let statesRunning = 0;
	let stateWaiters: Array<() => void> = [];
	let idleWaiters: Array<() => void> = [];

	const statesSettled = () => pendingStates.size === 0 && statesRunning === 0;
	const allSettled = () => statesSettled() && pendingPolicies.size === 0 && running === 0;

	const next = (): Task | undefined => {
		for (const id of priority) if (pendingStates.has(id)) return {work: 'state', id, prioritised: true};
		for (const id of priority) if (pendingPolicies.has(id)) return {work: 'policy', id, prioritised: true};
		const state = firstOf(pendingStates);
		if (state !== undefined) return {work: 'state', id: state, prioritised: false};
		const policy = firstOf(pendingPolicies);
		return policy === undefined ? undefined : {work: 'policy', id: policy, prioritised: false};
	};

	const settle = () => {
		if (statesSettled() && stateWaiters.length > 0) {
			const waiters = stateWaiters;
			stateWaiters = [];
			waiters.forEach(resolve => resolve());
		}
		if (allSettled()) {
			options.onIdle();
			const waiters = idleWaiters;
			idleWaiters = [];
			waiters.forEach(resolve => resolve());
		}
	};

	const pump = () => {
		while (running < options.concurrency) {
			const task = next();
			if (!task) break;
			(task.work === 'state' ? pendingStates : pendingPolicies).delete(task.id);
			running++;
			if (task.work === 'state') statesRunning++;
			void options
				.run(task.work, task.id, task.prioritised)
				.catch(() => {})
				.finally(() => {
					running--;
					if (task.work === 'state') statesRunning--;
					pump();
					settle();
				});
		}
	};

	return {
		reset(ids, policies) {
			pendingStates = new Set(ids);
			pendingPolicies = policies ? new Set(ids) : new Set();
			pump();
			settle();
		},
		prioritise(ids) {
			priority = [...ids];
			pump();
		},
		statesDone: () => (statesSettled() ? Promise.resolve() : new Promise(resolve => stateWaiters.push(resolve))),
		idle: () => (allSettled() ? Promise.resolve() : new Promise(resolve => idleWaiters.push(resolve))),
		stop() {
			pendingStates.clear();
			pendingPolicies.clear();
			priority = [];
			settle();
		},
	};
}
