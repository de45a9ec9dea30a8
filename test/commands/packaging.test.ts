import {spawn} from 'node:child_process';
import {copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ensureBundle, ROOT} from '../helpers/bundle.js';

// The published package depends at run time only on what the bundle does not contain: the native keychain
// module. Here the bundle runs from a directory whose node_modules holds @napi-rs/keyring alone, as after
// `npm install oag-offline`, and every lazily loaded part starts: help, the TUI's module graph (it stops
// at the missing terminal), the simulator (certificates) and status against it (client, schemas).

let pkg: string;
let cli: string;

const env = {PATH: process.env.PATH, NO_COLOR: '1', OAG_CONFIG_DIR: ''};

function run(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cli, ...args], {cwd: pkg, env: {...env, OAG_CONFIG_DIR: path.join(pkg, 'config')}});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', code => resolve({code, stdout, stderr}));
		child.stdin.end();
	});
}

beforeAll(async () => {
	ensureBundle();
	pkg = await mkdtemp(path.join(tmpdir(), 'oag-pkg-test-'));
	await mkdir(path.join(pkg, 'dist'));
	await mkdir(path.join(pkg, 'node_modules', '@napi-rs'), {recursive: true});
	cli = path.join(pkg, 'dist', 'cli.js');
	await copyFile(path.join(ROOT, 'dist', 'cli.js'), cli);
	await writeFile(path.join(pkg, 'package.json'), JSON.stringify({name: 'oag-offline', type: 'module'}));
	await symlink(path.join(ROOT, 'node_modules', '@napi-rs', 'keyring'), path.join(pkg, 'node_modules', '@napi-rs', 'keyring'), 'dir');
});
afterAll(async () => {
	await rm(pkg, {recursive: true, force: true});
});

describe('the published package', () => {
	it('declares only the bundle externals as dependencies', async () => {
		const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
		const build = await readFile(path.join(ROOT, 'scripts', 'build.mjs'), 'utf8');
		const externals = JSON.parse(/external: (\[[^\]]*\])/.exec(build)![1]!.replace(/'/g, '"'));
		expect(Object.keys(manifest.dependencies).sort()).toEqual(externals.sort());
	});

	it('runs help, `help status` and the TUI start with only @napi-rs/keyring installed', async () => {
		const help = await run(['--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toMatch(/Usage: oag-offline/);
		const status = await run(['help', 'status']);
		expect(status.code).toBe(0);
		expect(status.stdout).toMatch(/Usage: oag-offline status/);
		const typo = await run(['statsu', '--json']);
		expect(typo.code).toBe(2);
		expect(JSON.parse(typo.stderr).error.message).toMatch(/did you mean status/);
		const tui = await run([]);
		expect(tui.stderr).not.toMatch(/Cannot find (module|package)/);
		expect(tui.code).toBe(2);
		expect(tui.stderr).toMatch(/ssh -t/);
	});

	it('runs the simulator and status against it', async () => {
		const sim = spawn(process.execPath, [cli, 'simulator'], {cwd: pkg, env});
		try {
			const line = await new Promise<string>((resolve, reject) => {
				createInterface({input: sim.stdout}).once('line', resolve);
				let stderr = '';
				sim.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
				sim.once('exit', code => reject(new Error(`simulator exited with ${code}: ${stderr}`)));
			});
			const {url, clientId, keyFile, caFile} = JSON.parse(line) as {url: string; clientId: string; keyFile: string; caFile: string};
			const result = await run(['status', '--host', url, '--client-id', clientId, '--key-file', keyFile, '--ca-file', caFile, '--json']);
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			expect(JSON.parse(result.stdout).gateway).toBe(url);
		} finally {
			sim.kill('SIGTERM');
		}
	});
});
