import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fetch} from 'undici';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dispatcherFor, tokenFor} from '../helpers/simulator.js';
import {startSimulator} from '../../source/simulator/index.js';
import type {RunningSimulator} from '../../source/simulator/types.js';

// The `simulator` command for real: a child process prints exactly one JSON line, its key file is
// private (0600), the printed details work, and SIGTERM ends it cleanly.

const repo = resolve(import.meta.dirname, '../..');
const tsx = join(repo, 'node_modules/.bin/tsx');
let dir: string;
let entry: string;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'oag-sim-cmd-'));
	// .mts: the temp dir has no package.json, and top-level await needs ESM.
	entry = join(dir, 'entry.mts');
	const commandModule = join(repo, 'source/simulator/command.ts');
	await writeFile(
		entry,
		`import {runSimulatorCommand} from ${JSON.stringify(commandModule)};\n` +
			`const http = process.argv.includes('--http');\n` +
			`await runSimulatorCommand({apps: 3, idps: 2, http, dataDir: process.env.SIM_DATA_DIR});\n`,
	);
});
afterAll(async () => rm(dir, {recursive: true, force: true}));

async function runCommand(args: string[], dataDir: string, use: (announcement: any) => Promise<void>) {
	const child = spawn(tsx, [entry, ...args], {cwd: repo, env: {...process.env, SIM_DATA_DIR: dataDir, OAG_SIM_LOG: '1'}, stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stderr.on('data', chunk => (stderr += String(chunk)));
	const exited = new Promise<number | null>(resolveExit => child.once('exit', code => resolveExit(code)));
	const firstLine = await new Promise<string>((resolveLine, reject) => {
		child.stdout.on('data', chunk => {
			stdout += String(chunk);
			if (stdout.includes('\n')) resolveLine(stdout.split('\n')[0]!);
		});
		child.once('exit', code => reject(new Error(`exited early (${code}): ${stderr}`)));
	});
	try {
		await use(JSON.parse(firstLine));
	} finally {
		child.kill('SIGTERM');
	}
	expect(await exited).toBe(0);
	return {stdout, stderr};
}

describe('simulator command', () => {
	it('prints one JSON line with url, clientId, keyFile, caFile and scopes; key file is 0600', async () => {
		const dataDir = join(dir, 'https');
		const {stdout, stderr} = await runCommand([], dataDir, async announcement => {
			expect(Object.keys(announcement).sort()).toEqual(['caFile', 'clientId', 'keyFile', 'scopes', 'url']);
			expect(announcement.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
			expect((await stat(announcement.keyFile)).mode & 0o777).toBe(0o600);
			const privateKeyPem = await readFile(announcement.keyFile, 'utf8');
			expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
			const caPem = await readFile(announcement.caFile, 'utf8');
			const sim = {url: announcement.url, clientId: announcement.clientId, privateKeyPem, scopes: announcement.scopes, caPem} as RunningSimulator;
			const dispatcher = dispatcherFor(sim);
			const token = await tokenFor(sim, dispatcher);
			const apps = await fetch(`${sim.url}/api/v2/apps`, {headers: {authorization: `Bearer ${token}`}, dispatcher});
			expect(((await apps.json()) as unknown[]).length).toBe(3);
			await dispatcher.close();
		});
		expect(stdout.trimEnd().split('\n')).toHaveLength(1);
		expect(stderr).toMatch(/GET \/api\/v2\/apps 200/);
		expect(stderr).not.toMatch(/Bearer|PRIVATE KEY/);
	}, 60_000);

	it('omits caFile with --http', async () => {
		const {stdout} = await runCommand(['--http'], join(dir, 'http'), async announcement => {
			expect(announcement.caFile).toBeUndefined();
			expect(announcement.url).toMatch(/^http:\/\//);
		});
		expect(stdout.trimEnd().split('\n')).toHaveLength(1);
	}, 60_000);

	it('removes its own temp dir (with the private key) on close', async () => {
		const sim = await startSimulator({apps: 1, http: true});
		expect((await stat(sim.keyFile)).mode & 0o777).toBe(0o600);
		await sim.close();
		expect(existsSync(sim.keyFile)).toBe(false);
	});
});
