import {execFileSync, spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';

// The real bundled binary, as `npx oag-offline` runs it. `npm test` builds it first; a test file run
// on its own builds it when it is missing.

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUNDLE = `${ROOT}dist/cli.js`;

const build = () => execFileSync(process.execPath, ['scripts/build.mjs'], {cwd: ROOT, stdio: 'inherit'});

export function ensureBundle(): string {
	if (!existsSync(BUNDLE)) build();
	return BUNDLE;
}

function newestMtime(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = 0;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

/**
 * For the end-to-end files that drive the bundle in a terminal: rebuilds it when anything it is built from
 * changed after it, so a file run on its own never tests yesterday's code. (Give the hook 120 s.)
 */
export function ensureFreshBundle(): string {
	const inputs = ['source', 'themes', 'cli.tsx', 'scripts/build.mjs'].map(path => newestMtime(join(ROOT, path)));
	if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < Math.max(...inputs)) build();
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
