import {promptHidden} from '../secrets/prompt.js';
import type {CommandContext} from './context.js';
import {CommandFailure, EXIT} from './run.js';

// A directory's bind credential on the command line: OAG_BIND_CREDENTIAL, else asked at the terminal
// without echo. Never a flag (it would sit in the shell history and the process list).

export const BIND_CREDENTIAL_ENV = 'OAG_BIND_CREDENTIAL';

/** Without a terminal and without the variable it is a usage error naming the variable. */
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
