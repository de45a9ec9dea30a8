import type {CommandContext} from './context.js';
import {CommandFailure, EXIT} from './run.js';

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
