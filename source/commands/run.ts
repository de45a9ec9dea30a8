import {CommanderError, type Command} from 'commander';
import {exitCodeFor, isOagError, type OagError} from '../api/errors.js';
import {ProfilesFileError} from '../config/profiles.js';
import {SecretStoreError} from '../secrets/labels.js';
import {processIo, type CommandIo} from './io.js';
import {printError, type ErrorReport} from './output.js';

import {EXIT} from '../domain/exitCodes.js';

// The codes themselves are listed once, in domain/exitCodes.ts (the TUI and the api's mapping use them too).
export {EXIT};

const KIND_OF_EXIT: Record<number, string> = {[EXIT.usage]: 'usage', [EXIT.auth]: 'auth', [EXIT.partial]: 'partial', [EXIT.interrupted]: 'interrupted'};

/** A failure a command reports itself, with the exit code it asks for and a kind for `--json` errors. */
export class CommandFailure extends Error {
	readonly kind: string;
	constructor(
		message: string,
		readonly exitCode: number = EXIT.failure,
		kind?: string,
		/** Field -> message (a gateway's errorCauses), printed under the line or as `fields` in JSON. */
		readonly fields?: Record<string, string>,
		/** `cause`: the error this one words for the command line, for callers that need its typed kind. Never printed. */
		options?: ErrorOptions,
	) {
		super(message, options);
		this.kind = kind ?? KIND_OF_EXIT[exitCode] ?? 'failure';
	}
}

/** Usage (2) when the admin must act on the key or its file, 130 for Ctrl-C at a hidden prompt, else 1. */
export function secretStoreExitCode(error: SecretStoreError): number {
	if (error.reason === 'missing' || error.reason === 'invalid') return EXIT.usage;
	return error.reason === 'interrupted' ? EXIT.interrupted : EXIT.failure;
}

/** What one program run shares between its commands and runProgram: the io and a requested exit code. */
type ProgramRun = {io: CommandIo; json: boolean; exitCode: number};
const runs = new WeakMap<Command, ProgramRun>();

const rootOf = (command: Command): Command => {
	let root = command;
	while (root.parent) root = root.parent;
	return root;
};

/**
 * Binds a program to its io: commander's own output (help, usage errors) goes there too. Called by
 * buildProgram before the subcommands exist, since they copy the output settings when created.
 */
export function bindIo(program: Command, io: CommandIo): void {
	const run: ProgramRun = {io, json: false, exitCode: EXIT.ok};
	runs.set(program, run);
	program.configureOutput({
		writeOut: text => io.stdout.write(text),
		// Under --json, stderr carries only the JSON error that runProgram writes.
		writeErr: text => (run.json ? undefined : io.stderr.write(text)),
		outputError: (text, write) => write(text),
	});
}

export const ioOf = (command: Command): CommandIo => runs.get(rootOf(command))?.io ?? processIo();

/** A command that finished but wants a non-zero exit (partial results: 4) without throwing. */
export function requestExitCode(command: Command, code: number): void {
	const run = runs.get(rootOf(command));
	if (run) run.exitCode = Math.max(run.exitCode, code);
	else process.exitCode = code;
}

/** `--json` anywhere before `--`: known before commander has parsed, so that usage errors are JSON too. */
const wantsJson = (argv: readonly string[]): boolean => {
	const end = argv.indexOf('--');
	return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
};

/**
 * Runs the program and turns every failure into one line on stderr (or a JSON error under --json) and a
 * design exit code, which it returns. Stack traces are not shown: they may quote request data, and
 * admins need the one line.
 */
export async function executeProgram(program: Command, argv: string[]): Promise<number> {
	let run = runs.get(program);
	if (!run) {
		bindIo(program, processIo());
		run = runs.get(program)!;
	}
	run.json = wantsJson(argv);
	run.exitCode = EXIT.ok;
	try {
		await program.parseAsync(argv);
		return run.exitCode;
	} catch (error) {
		const report = reportOf(error);
		// In text mode commander printed its own usage errors (and the help after them) already.
		const printed = error instanceof CommanderError && !run.json;
		if (report && !printed) printError(run.io, run.json, report.report);
		return report?.exitCode ?? EXIT.ok;
	}
}

/** The process entry point: the exit code goes to process.exitCode (a command may have set one itself). */
export async function runProgram(program: Command, argv: string[]): Promise<void> {
	const code = await executeProgram(program, argv);
	if (code !== EXIT.ok) process.exitCode = code;
}

function reportOf(error: unknown): {report: ErrorReport; exitCode: number} | undefined {
	if (error instanceof CommanderError) return commanderReport(error);
	if (error instanceof CommandFailure) {
		const fields = error.fields && Object.keys(error.fields).length > 0 ? {fields: error.fields} : {};
		return {report: {kind: error.kind, message: error.message, ...fields}, exitCode: error.exitCode};
	}
	if (isOagError(error)) return {report: gatewayReport(error), exitCode: exitCodeFor(error)};
	// A profiles.yaml the admin must fix is a usage problem in every command, not only where it was expected.
	if (error instanceof ProfilesFileError) return {report: {kind: 'usage', message: error.message}, exitCode: EXIT.usage};
	if (error instanceof SecretStoreError) {
		const exitCode = secretStoreExitCode(error);
		const kind = exitCode === EXIT.usage ? 'usage' : exitCode === EXIT.interrupted ? 'interrupted' : 'secret-store';
		return {report: {kind, message: error.message}, exitCode};
	}
	const message = error instanceof Error ? error.message : String(error);
	return {report: {kind: 'failure', message}, exitCode: EXIT.failure};
}

function commanderReport(error: CommanderError): {report: ErrorReport; exitCode: number} | undefined {
	// Help (`--help`, `help status`) and version are successes; commander already printed them.
	if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return undefined;
	const message =
		error.code === 'commander.help' || error.message === '(outputHelp)'
			? 'a subcommand is missing: see `oag-offline help COMMAND`'
			: error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim();
	return {report: {kind: 'usage', message}, exitCode: EXIT.usage};
}

function gatewayReport(error: OagError): ErrorReport {
	const fields = error.fieldErrors();
	return {kind: error.kind, message: error.message, ...(Object.keys(fields).length > 0 ? {fields} : {})};
}
