import {appOutcomes, type AppOutcome, type BulkStep} from '../operations/appBulk.js';
import {runBulk, type BulkProgress, type BulkResult} from '../operations/bulk.js';
import type {AppStateSlice} from '../operations/appState.js';
import type {OperationRunner} from '../operations/runner.js';
import type {ConfirmFn, Operation} from '../operations/types.js';
import type {CommandContext} from './context.js';
import {CommandFailure, EXIT} from './run.js';

export type {AppOutcome, BulkStep} from '../operations/appBulk.js';

// Runs a list of app-state operations the way an incident needs it: one typed confirmation, the cap,
// progress on stderr at a terminal, and Ctrl+C that starts nothing new but lets in-flight requests
// finish, so the report (and the audit log) can say exactly what changed and what did not.

export type BulkReport = {
	results: AppOutcome[];
	done: number;
	failed: number;
	notStarted: number;
	interrupted: boolean;
	notConfirmed: boolean;
};

/** The context's typed confirmation as the runner's hook: a typed mismatch is a "no", not a crash. */
export function confirmVia(ctx: CommandContext): ConfirmFn {
	return async request => {
		try {
			await ctx.confirm(request.prompt, request.expected);
			return true;
		} catch (error) {
			if (error instanceof CommandFailure && error.kind === 'cancelled') return false;
			throw error;
		}
	};
}

function progressLine(p: BulkProgress): string {
	const width = 30;
	const filled = p.total === 0 ? width : Math.round((p.finished / p.total) * width);
	return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.finished}/${p.total}  ok ${p.ok}  failed ${p.failed}`;
}

/**
 * Ctrl+C during the run aborts `controller` instead of killing the process. Armed only once the typed
 * confirmation is answered: at the prompt, Ctrl+C keeps its usual meaning (nothing was sent yet).
 */
function interruptHandler(ctx: CommandContext, controller: AbortController): {arm(): void; disarm(): void} {
	const onSigint = (): void => {
		if (!controller.signal.aborted) {
			controller.abort();
			ctx.warn('interrupted: starting nothing new; waiting for the requests in flight to finish');
		} else ctx.warn('still waiting for the requests in flight; the report follows');
	};
	let armed = false;
	return {
		arm: () => {
			if (!armed) process.on('SIGINT', onSigint);
			armed = true;
		},
		disarm: () => {
			process.off('SIGINT', onSigint);
			armed = false;
		},
	};
}

export async function runAppBulk(
	ctx: CommandContext,
	runner: OperationRunner,
	steps: readonly BulkStep[],
	operations: readonly Operation<AppStateSlice>[],
	concurrency: number,
): Promise<BulkReport> {
	const controller = new AbortController();
	const interrupt = interruptHandler(ctx, controller);
	const showProgress = ctx.io.interactive && !ctx.json;
	const confirm = confirmVia(ctx);
	if (!operations.some(op => op.confirmation)) interrupt.arm();
	let result: BulkResult<AppStateSlice>;
	try {
		result = await runBulk(runner, operations, {
			concurrency,
			confirm: async request => {
				const answer = await confirm(request);
				interrupt.arm();
				return answer;
			},
			signal: controller.signal,
			...(showProgress ? {onProgress: p => ctx.io.stderr.write(progressLine(p))} : {}),
		});
	} finally {
		interrupt.disarm();
	}
	if (showProgress && result.items.length > 0) ctx.io.stderr.write('\n');
	const results = appOutcomes(steps, result);
	return {
		results,
		done: result.done,
		failed: result.failed,
		notStarted: result.notStarted,
		interrupted: result.aborted,
		notConfirmed: results.length > 0 && results.every(r => r.outcome === 'not-confirmed'),
	};
}

/** Text of one app's outcome: `ok  payroll  TEST -> ACTIVE`. */
export function outcomeLine(r: AppOutcome): string {
	const move = `${r.from ?? '?'} -> ${r.state ?? r.to}${r.outcome === 'ok' ? '' : ` (wanted ${r.to})`}`;
	const why = r.error ? `  ${r.error}` : r.outcome === 'not-started' ? '  not sent' : '';
	return `${r.outcome.padEnd(15)} ${r.name}  ${move}${why}`;
}

export function summaryLine(report: BulkReport, skipped: number): string {
	const parts = [`${report.done} changed and verified`, `${report.failed} failed`];
	if (report.notStarted > 0) parts.push(`${report.notStarted} not started${report.interrupted ? ' (interrupted)' : ''}`);
	if (skipped > 0) parts.push(`${skipped} skipped`);
	return parts.join(', ');
}

/**
 * The exit code of a bulk change: 130 interrupted, 0 all done, 4 partly done, 1 nothing done or not
 * confirmed (nothing sent).
 */
export function bulkExitCode(report: BulkReport): number {
	if (report.interrupted) return EXIT.interrupted;
	if (report.notConfirmed) return EXIT.failure;
	if (report.failed === 0 && report.notStarted === 0) return EXIT.ok;
	if (report.done > 0) return EXIT.partial;
	return EXIT.failure;
}
