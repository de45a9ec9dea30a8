import {createInterface} from 'node:readline/promises';
import type {ConfirmationRequest, ConfirmFn} from '../operations/types.js';
import {canPrompt} from '../secrets/prompt.js';
import {CommandFailure, EXIT} from './run.js';

// The command line's side of the runner's `confirm`: --yes, or the word typed at the terminal.
// Without a terminal and without --yes a dangerous change is a usage error (exit 2), decided before
// anything is read or sent.

async function askAtTerminal(request: ConfirmationRequest): Promise<boolean> {
	const rl = createInterface({input: process.stdin, output: process.stderr});
	try {
		const answer = await rl.question(`${request.prompt}\nType ${request.expected} to confirm: `);
		return answer.trim() === request.expected;
	} finally {
		rl.close();
	}
}

export function commandConfirm(options: {yes: boolean; needed: ConfirmationRequest | undefined}): ConfirmFn {
	if (options.yes) return async () => true;
	if (options.needed && !canPrompt()) {
		throw new CommandFailure(`${options.needed.prompt} Without a terminal, pass --yes to confirm.`, EXIT.usage);
	}
	return askAtTerminal;
}
