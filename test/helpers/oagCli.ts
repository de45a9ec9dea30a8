import {spawn} from 'node:child_process';
import path from 'node:path';
import {build} from 'esbuild';
import {ensureBundle, ROOT} from './bundle.js';

// Runs the real CLI, the bundled dist/cli.js that `npx oag-offline` runs, in a child process with exactly
// the env given, as an admin's shell would: the process boundary is part of what the keychain and leak
// tests check. A `script` (a small probe in test/helpers) is bundled the same way on first use: running it
// through tsx transpiles the whole client in every child, which took tens of seconds on a loaded CI machine.

const bundledScripts = new Map<string, string>();

async function bundledScript(script: string): Promise<string> {
	const known = bundledScripts.get(script);
	if (known) return known;
	const outfile = path.join(ROOT, 'dist', 'test-probes', `${path.basename(script, path.extname(script))}-${process.pid}.mjs`);
	await build({
		entryPoints: [script],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		external: ['@napi-rs/keyring'],
		banner: {js: "import {createRequire as __probeRequire} from 'node:module'; const require = __probeRequire(import.meta.url);"},
		logLevel: 'warning',
	});
	bundledScripts.set(script, outfile);
	return outfile;
}

export type CliResult = {code: number | null; stdout: string; stderr: string; ms: number};

export async function runCli(
	args: string[],
	options: {env: NodeJS.ProcessEnv; input?: string; timeoutMs?: number; script?: string},
): Promise<CliResult> {
	const entry = options.script ? await bundledScript(options.script) : ensureBundle();
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const argv = [entry, ...args];
		const child = spawn(process.execPath, argv, {
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
		// A child that refuses its input early (a flood on --key-stdin) closes the pipe while we still write:
		// EPIPE then is the child's answer, not a failure of the test.
		child.stdin.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code !== 'EPIPE') reject(error);
		});
		child.stdin.end(options.input ?? '');
	});
}

/** The minimum environment for a CLI child: no inherited OAG_*, D-Bus or display variables. */
export function baseEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return {PATH: process.env.PATH, LANG: 'C.UTF-8', NO_COLOR: '1', ...extra};
}
