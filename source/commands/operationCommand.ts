import {fileAuditLog} from '../audit/fileLog.js';
import {createRunner} from '../operations/runner.js';
import type {Operation, OperationOutcome} from '../operations/types.js';
import {promptHidden} from '../secrets/prompt.js';
import type {CommandContext} from './context.js';
import type {Gateway} from './gateway.js';
import {CommandFailure, EXIT} from './run.js';

// Running one operation from a command on the context: --dry-run prints its request, a dangerous one needs
// --yes or a terminal (decided before anything is read), the runner sends, verifies and writes the audit
// line, and the outcome is printed (JSON under --json) with the exit code it calls for.

export type RunFromCommand<S> = {
	/** Extra lines after a successful change (e.g. "changes reach the gateway at its next sync"). */
	notes?: string[];
	/** The text for a successful outcome; default the runner's message. */
	text?: (outcome: OperationOutcome<S>) => string;
};

export async function runOperation<S>(
	ctx: CommandContext,
	gateway: Gateway,
	op: Operation<S>,
	options: RunFromCommand<S> = {},
): Promise<OperationOutcome<S> | undefined> {
	if (ctx.dryRun(op.request)) return undefined;
	if (op.confirmation) ctx.requireYes(op.label);
	const runner = createRunner({
		audit: fileAuditLog(),
		actor: () => ({profile: gateway.connection.profileName ?? '(from flags)', gateway: new URL(gateway.client.baseUrl).host, via: 'cli'}),
		readOnly: () => gateway.connection.readOnly,
	});
	const outcome = await runner.run(op, {
		confirm: async request => {
			await ctx.confirm(request.prompt, request.expected);
			return true;
		},
	});
	const {undo: _undo, ...plain} = outcome;
	if (outcome.ok) {
		ctx.print({...plain, ...(options.notes ? {notes: options.notes} : {})}, o => [options.text?.(outcome) ?? o.message, ...(options.notes ?? [])].join('\n'));
	} else if (ctx.json) ctx.print(plain, o => o.message);
	else ctx.io.stderr.write(`oag-offline: ${outcome.message}\n`);
	if (outcome.auditWarning && ctx.json) ctx.warn(outcome.auditWarning);
	if (!outcome.ok) {
		const auth = outcome.errorKind === 'unauthorized' || outcome.errorKind === 'missing-scope';
		ctx.exitWith(outcome.outcome === 'not-confirmed' ? EXIT.failure : auth ? EXIT.auth : EXIT.failure);
	}
	return outcome;
}

export const BIND_CREDENTIAL_ENV = 'OAG_BIND_CREDENTIAL';

/**
 * The bind credential: OAG_BIND_CREDENTIAL, else asked at the terminal without echo. Never a flag (it
 * would sit in the shell history and the process list). Without a terminal and without the variable it
 * is a usage error naming the variable.
 */
export async function bindCredential(ctx: CommandContext, purpose: string): Promise<string> {
	const fromEnv = process.env[BIND_CREDENTIAL_ENV];
	if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
	if (!ctx.io.interactive) {
		throw new CommandFailure(`${purpose} needs the bind credential: set ${BIND_CREDENTIAL_ENV} (no terminal to ask on)`, EXIT.usage);
	}
	const question = `Bind credential for ${purpose} (not shown): `;
	// The real terminal gets a hidden prompt; an injected io (tests, embedding) answers through readLine.
	const typed = ctx.io.stdin === process.stdin ? await promptHidden(question) : await ctx.io.readLine(question);
	if (typed === '') throw new CommandFailure('no bind credential typed: nothing was sent', EXIT.usage);
	return typed;
}

/** Removes a credential from text that came back from elsewhere (a gateway's error message). */
export const scrubbed = (text: string, secret: string | undefined): string =>
	secret && secret.length > 0 ? text.replaceAll(secret, '***') : text;
