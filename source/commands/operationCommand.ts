import {fileAuditLog} from '../audit/fileLog.js';
import {createRunner, type OperationRunner} from '../operations/runner.js';
import type {ConfirmFn, OperationOutcome} from '../operations/types.js';
import type {CommandContext} from './context.js';
import type {Gateway} from './gateway.js';
import {CommandFailure, EXIT} from './run.js';

// What every command that runs an operation shares: the runner (file audit log, read-only from the
// connection), the context's confirmation as the runner's hook, and one way to report the outcome.

export function commandRunner(gateway: Gateway): OperationRunner {
	return createRunner({
		audit: fileAuditLog(),
		actor: () => ({profile: gateway.connection.profileName ?? '(from flags)', gateway: new URL(gateway.client.baseUrl).host, via: 'cli'}),
		readOnly: () => gateway.connection.readOnly,
	});
}

/** The runner asks; the context types the word at a terminal or takes --yes (else it throws, and the runner reports not-confirmed). */
export const contextConfirm =
	(ctx: CommandContext): ConfirmFn =>
	async request => {
		await ctx.confirm(request.prompt, request.expected);
		return true;
	};

const exitCodeOf = (outcome: Pick<OperationOutcome<unknown>, 'errorKind'>): number =>
	outcome.errorKind === 'unauthorized' || outcome.errorKind === 'missing-scope' ? EXIT.auth : EXIT.failure;

/** The outcome as JSON (without the undo operation) or its one line; a failure throws with its field errors. */
export function reportOutcome<S>(ctx: CommandContext, outcome: OperationOutcome<S>): void {
	if (outcome.auditWarning) ctx.warn(outcome.auditWarning);
	if (!outcome.ok) {
		const kind = outcome.outcome === 'not-confirmed' ? 'cancelled' : outcome.errorKind ?? outcome.outcome;
		throw new CommandFailure(outcome.message, exitCodeOf(outcome), kind, outcome.fieldErrors);
	}
	const {undo: _undo, ...plain} = outcome;
	ctx.print(plain, result => result.message);
}

/**
 * A database password: from the environment variable, else typed at a hidden prompt. Never a flag (it
 * would sit in the shell history and in `ps`). Without either, a usage error that says how to give it.
 */
export async function secretFromEnvOrPrompt(ctx: CommandContext, variable: string, question: string): Promise<string> {
	const fromEnv = process.env[variable];
	if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
	if (!ctx.io.interactive || !ctx.io.readHidden) {
		throw new CommandFailure(`${question.replace(/:\s*$/, '')}: set ${variable}, or run at a terminal to type it (it is never a flag)`, EXIT.usage);
	}
	const typed = await ctx.io.readHidden(question);
	if (typed === '') throw new CommandFailure('no password typed: nothing was done', EXIT.usage);
	return typed;
}
