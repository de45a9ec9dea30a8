import type {BulkResult} from '../operations/bulk.js';
import {createRunner, type OperationRunner} from '../operations/runner.js';
import type {ConfirmFn, Operation, OperationOutcome} from '../operations/types.js';
import type {CommandContext} from './context.js';
import type {Gateway} from './gateway.js';
import {CommandFailure, EXIT} from './run.js';

// A change from the command line through the operations runner, the same way in every command:
// --dry-run prints the request (nothing sent, no --yes needed); a dangerous change with nobody to ask and
// no --yes is a usage error before anything starts; the typed confirmation goes through ctx.confirm; the
// runner reads, sends, verifies and writes the audit line to the gateway's log (the file log for real
// gateways); the outcome is printed (text or JSON), or thrown as a failure with its exit code.

/** The runner for commands: the gateway's audit log, `via: cli`, the connection's read-only flag. */
export function commandRunner(gateway: Gateway): OperationRunner {
	return createRunner({
		audit: gateway.audit,
		actor: () => ({profile: gateway.connection.profileName ?? '(from flags)', gateway: new URL(gateway.client.baseUrl).host, via: 'cli'}),
		readOnly: () => gateway.connection.readOnly,
	});
}

/** The runner's confirmation through the context: --yes, or the word typed at the terminal. */
export const confirmThrough =
	(ctx: CommandContext): ConfirmFn =>
	async request => {
		try {
			await ctx.confirm(request.prompt, request.expected);
			return true;
		} catch (error) {
			// A wrong word is "not confirmed" (the runner audits it); anything else goes on up.
			if (error instanceof CommandFailure && error.kind === 'cancelled') return false;
			throw error;
		}
	};

const isAuthKind = (kind: string | undefined): boolean => kind === 'unauthorized' || kind === 'missing-scope';

/** What a command adds to a successful outcome's printout. */
export type OperationPrintout<S> = {
	/** Lines after the message (e.g. "changes reach the gateway at its next hourly sync"); `notes` in JSON. */
	notes?: string[];
	/** The text instead of the runner's message. */
	text?: (outcome: OperationOutcome<S>) => string;
};

/** Runs one operation for a command; returns after printing its outcome, throws when it did not go through. */
export async function runOperation<S>(ctx: CommandContext, gateway: Gateway, op: Operation<S>, printout: OperationPrintout<S> = {}): Promise<void> {
	if (ctx.dryRun(op.request)) return;
	// Nobody to ask and no --yes: a usage error before the runner starts (no request, no audit line).
	if (op.confirmation) ctx.requireYes(op.label);
	const outcome = await commandRunner(gateway).run(op, {confirm: confirmThrough(ctx)});
	report(ctx, outcome, printout);
}

function report<S>(ctx: CommandContext, outcome: OperationOutcome<S>, printout: OperationPrintout<S>): void {
	// In text the message already carries the warning; under --json it is a warning line of its own too.
	if (outcome.auditWarning && ctx.json) ctx.warn(outcome.auditWarning);
	if (!outcome.ok) {
		throw new CommandFailure(outcome.message, isAuthKind(outcome.errorKind) ? EXIT.auth : EXIT.failure, outcome.errorKind ?? outcome.outcome);
	}
	const {undo: _undo, ...plain} = outcome;
	const notes = printout.notes ?? [];
	ctx.print(notes.length > 0 ? {...plain, notes} : plain, result => [printout.text?.(outcome) ?? result.message, ...notes].join('\n'));
}

/**
 * A bulk change's exit code: 0 when every change went through, 4 (partial) when some did and some failed
 * or never started, and when none did: 3 if every failure was an auth/scope refusal, else 1.
 */
export function bulkExitCode(result: BulkResult<unknown>): number {
	if (result.failed === 0 && result.notStarted === 0) return EXIT.ok;
	if (result.done > 0) return EXIT.partial;
	const failures = result.items.flatMap(item => (item.state === 'failed' ? [item.outcome] : []));
	return failures.length > 0 && failures.every(outcome => isAuthKind(outcome.errorKind)) ? EXIT.auth : EXIT.failure;
}
