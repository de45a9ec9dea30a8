import {Readable} from 'node:stream';
import type {Command} from 'commander';
import type {CommandIo} from '../../source/commands/io.js';
import {buildProgram} from '../../source/commands/program.js';
import {executeProgram} from '../../source/commands/run.js';

// Runs the real program in this process with captured streams: what an admin would see on stdout and
// stderr, and the exit code runProgram would set. `answers` are lines typed at a (pretend) terminal.

export type InProcessResult = {code: number; stdout: string; stderr: string; prompts: string[]};

export type InProcessOptions = {
	/** What stdin holds (for `--file -`). */
	input?: string;
	/** A person at a terminal answers these, in order; without it there is no terminal. */
	answers?: string[];
	/** Adds commands to the program before it runs (a test's own command on the context). */
	extend?: (program: Command) => void;
};

export function memoryIo(options: InProcessOptions = {}): CommandIo & {out: string[]; err: string[]; prompts: string[]} {
	const out: string[] = [];
	const err: string[] = [];
	const prompts: string[] = [];
	const answers = [...(options.answers ?? [])];
	return {
		out,
		err,
		prompts,
		stdout: {write: (text: string) => out.push(text)},
		stderr: {write: (text: string) => err.push(text)},
		stdin: Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]),
		interactive: options.answers !== undefined,
		readLine: async (question: string) => {
			prompts.push(question);
			const answer = answers.shift();
			if (answer === undefined) throw new Error(`unexpected prompt: ${question}`);
			return answer;
		},
		// A hidden prompt takes the next answer too (a terminal would not echo it).
		readHidden: async (question: string) => {
			prompts.push(question);
			const answer = answers.shift();
			if (answer === undefined) throw new Error(`unexpected prompt: ${question}`);
			return answer;
		},
	};
}

export async function runInProcess(args: string[], options: InProcessOptions = {}): Promise<InProcessResult> {
	const io = memoryIo(options);
	const program = buildProgram(io);
	options.extend?.(program);
	const code = await executeProgram(program, ['node', 'oag-offline', ...args]);
	return {code, stdout: io.out.join(''), stderr: io.err.join(''), prompts: io.prompts};
}
