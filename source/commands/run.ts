import {CommanderError, type Command} from 'commander';
import {exitCodeFor, isOagError} from '../api/errors.js';

export const EXIT = {ok: 0, failure: 1, usage: 2, auth: 3, partial: 4, interrupted: 130} as const;

/** A failure a command reports itself, with the exit code it asks for. */
export class CommandFailure extends Error {
	constructor(message: string, readonly exitCode: number = EXIT.failure) {
		super(message);
	}
}

/**
 * Runs the program and turns every failure into one line on stderr and a design exit code.
 * Stack traces are not shown: they may quote request data, and admins need the one line.
 */
export async function runProgram(program: Command, argv: string[]): Promise<void> {
	try {
		await program.parseAsync(argv);
	} catch (error) {
		process.exitCode = reportFailure(error);
	}
}

function reportFailure(error: unknown): number {
	if (error instanceof CommanderError) {
		// commander already printed usage problems; help and version are successes.
		if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
		return EXIT.usage;
	}
	if (error instanceof CommandFailure) {
		process.stderr.write(`oag-offline: ${error.message}\n`);
		return error.exitCode;
	}
	if (isOagError(error)) {
		process.stderr.write(`oag-offline: ${error.message}\n`);
		for (const [field, message] of Object.entries(error.fieldErrors())) {
			process.stderr.write(`  ${field}: ${message}\n`);
		}
		return exitCodeFor(error);
	}
	const message = error instanceof Error ? error.message : String(error);
	process.stderr.write(`oag-offline: ${message}\n`);
	return EXIT.failure;
}
