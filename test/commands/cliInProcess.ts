import {vi} from 'vitest';
import {buildProgram} from '../../source/commands/program.js';
import {runProgram} from '../../source/commands/run.js';

// Runs a command in this process, as `oag-offline ARGS` would, capturing what it prints and its exit code.

export type InProcessResult = {code: number; stdout: string; stderr: string};

export async function runInProcess(args: string[]): Promise<InProcessResult> {
	const out: string[] = [];
	const err: string[] = [];
	const capture = (into: string[]) => (chunk: string | Uint8Array) => {
		into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
		return true;
	};
	const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture(out) as typeof process.stdout.write);
	const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture(err) as typeof process.stderr.write);
	process.exitCode = undefined;
	try {
		await runProgram(buildProgram(), ['node', 'oag-offline', ...args]);
	} finally {
		stdout.mockRestore();
		stderr.mockRestore();
	}
	const code = Number(process.exitCode ?? 0);
	process.exitCode = undefined;
	return {code, stdout: out.join(''), stderr: err.join('')};
}
