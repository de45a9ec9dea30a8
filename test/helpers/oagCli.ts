import {spawn} from 'node:child_process';
import {createRequire} from 'node:module';
import {fileURLToPath, pathToFileURL} from 'node:url';

// Runs the real CLI entry (cli.tsx through tsx) in a child process with exactly the env given,
// as an admin's shell would: the process boundary is part of what the keychain and leak tests check.

export const CLI_ENTRY = fileURLToPath(new URL('../../cli.tsx', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export type CliResult = {code: number | null; stdout: string; stderr: string; ms: number};

export function runCli(
	args: string[],
	options: {env: NodeJS.ProcessEnv; input?: string; timeoutMs?: number; script?: string},
): Promise<CliResult> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', TSX_LOADER, options.script ?? CLI_ENTRY, ...args], {
			env: options.env,
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({code, stdout, stderr, ms: Date.now() - started});
		});
		child.stdin.end(options.input ?? '');
	});
}

/** The minimum environment for a CLI child: no inherited OAG_*, D-Bus or display variables. */
export function baseEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return {PATH: process.env.PATH, LANG: 'C.UTF-8', NO_COLOR: '1', ...extra};
}
