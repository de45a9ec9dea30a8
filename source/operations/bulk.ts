import type {OperationRunner} from './runner.js';
import type {ConfirmFn, Operation, OperationOutcome} from './types.js';

// A bulk change (design section 3, Bulk): a list of operations under a concurrency cap. One confirmation
// for the whole list (the admin saw the list), one outcome and one audit line per item. Abort starts
// nothing new, lets in-flight requests finish, and reports what was done, what failed, what never started.

export const DEFAULT_CONCURRENCY = 8;

export type BulkItem<S> =
	| {index: number; state: 'done'; outcome: OperationOutcome<S>}
	| {index: number; state: 'failed'; outcome: OperationOutcome<S>}
	| {index: number; state: 'not-started'; operation: Operation<S>};

export type BulkProgress = {total: number; finished: number; ok: number; failed: number};

export type BulkOptions = {
	concurrency?: number;
	confirm?: ConfirmFn;
	onProgress?: (progress: BulkProgress) => void;
	signal?: AbortSignal;
};

export type BulkResult<S> = {
	items: BulkItem<S>[];
	done: number;
	failed: number;
	notStarted: number;
	aborted: boolean;
};

/** One confirmation for the list: the first declared one, naming how many changes it covers. */
async function confirmOnce<S>(operations: readonly Operation<S>[], confirm: ConfirmFn | undefined): Promise<ConfirmFn> {
	const declared = operations.find(op => op.confirmation)?.confirmation;
	if (!declared) return async () => true;
	const answer = (await confirm?.({expected: declared.expected, prompt: `${operations.length} changes: ${declared.prompt}`})) ?? false;
	return async () => answer;
}

export async function runBulk<S>(runner: OperationRunner, operations: readonly Operation<S>[], options: BulkOptions = {}): Promise<BulkResult<S>> {
	const cap = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
	const items: Array<BulkItem<S> | undefined> = new Array(operations.length);
	const progress: BulkProgress = {total: operations.length, finished: 0, ok: 0, failed: 0};
	const confirm = operations.length > 0 ? await confirmOnce(operations, options.confirm) : undefined;
	let next = 0;

	const worker = async () => {
		while (next < operations.length && !options.signal?.aborted) {
			const index = next++;
			const outcome = await runner.run(operations[index]!, confirm ? {confirm} : {});
			items[index] = {index, state: outcome.ok ? 'done' : 'failed', outcome};
			progress.finished++;
			if (outcome.ok) progress.ok++;
			else progress.failed++;
			options.onProgress?.({...progress});
		}
	};
	await Promise.all(Array.from({length: Math.min(cap, operations.length)}, worker));

	const all = operations.map((operation, index): BulkItem<S> => items[index] ?? {index, state: 'not-started', operation});
	return {
		items: all,
		done: progress.ok,
		failed: progress.failed,
		notStarted: all.filter(item => item.state === 'not-started').length,
		aborted: options.signal?.aborted ?? false,
	};
}

/** The inverse of each change that went through, in reverse order: the rollback of a bulk change. */
export function rollbackOf<S>(result: BulkResult<S>): Operation<S>[] {
	return result.items
		.flatMap(item => (item.state === 'not-started' || !item.outcome.undo ? [] : [item.outcome.undo]))
		.reverse();
}
