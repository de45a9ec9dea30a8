import {appOutcomes, type AppOutcome, type BulkStep} from '../operations/appBulk.js';
import {runBulk, type BulkProgress, type BulkResult} from '../operations/bulk.js';
import type {AppStateSlice} from '../operations/appState.js';
import type {OperationRunner} from '../operations/runner.js';
import type {Operation} from '../operations/types.js';
import type {CommandContext} from './context.js';
import {bulkExitCode, confirmThrough} from './operationCommand.js';
import {EXIT} from './run.js';

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
	/** 130 interrupted, 1 not confirmed, else the house rule for a bulk change (0, 4 partial, 1 or 3). */
	exitCode: number;
};

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
	const confirm = confirmThrough(ctx);
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
	const notConfirmed = results.length > 0 && results.every(r => r.outcome === 'not-confirmed');
	return {
		results,
		done: result.done,
		failed: result.failed,
		notStarted: result.notStarted,
		interrupted: result.aborted,
		notConfirmed,
		exitCode: result.aborted ? EXIT.interrupted : notConfirmed ? EXIT.failure : bulkExitCode(result),
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
