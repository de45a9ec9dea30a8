import {execFileSync, spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';

// The real bundled binary, as `npx oag-offline` runs it. `npm test` builds it first; a test file run
// on its own builds it when it is missing.

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUNDLE = `${ROOT}dist/cli.js`;

export function ensureBundle(): string {
	if (!existsSync(BUNDLE)) execFileSync(process.execPath, ['scripts/build.mjs'], {cwd: ROOT, stdio: 'inherit'});
	return BUNDLE;
}

export type SimulatorLine = {url: string; clientId: string; keyFile: string; caFile?: string; scopes: string[]};

/** Starts `oag-offline simulator ...` as its own process and resolves with its one JSON line. */
export async function spawnSimulatorProcess(
	args: string[] = [],
): Promise<{line: SimulatorLine; rawStdout: () => string; child: ChildProcessWithoutNullStreams; stop: () => Promise<number | null>}> {
	const child = spawn(process.execPath, [ensureBundle(), 'simulator', ...args], {env: {PATH: process.env.PATH}});
	let stdout = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
	const first = await new Promise<string>((resolve, reject) => {
		const lines = createInterface({input: child.stdout});
		lines.once('line', resolve);
		child.once('exit', code => reject(new Error(`simulator exited with ${code} before it was ready`)));
	});
	const stop = () =>
		new Promise<number | null>(resolve => {
			if (child.exitCode !== null) return resolve(child.exitCode);
			child.once('exit', code => resolve(code));
			child.kill('SIGTERM');
		});
	return {line: JSON.parse(first) as SimulatorLine, rawStdout: () => stdout, child, stop};
}

export type RunResult = {code: number | null; stdout: string; stderr: string};

export function runBundle(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [ensureBundle(), ...args], {env: {PATH: process.env.PATH, ...env}});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', code => resolve({code, stdout, stderr}));
		child.stdin.end();
	});
}
