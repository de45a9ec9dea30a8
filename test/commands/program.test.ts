import {mkdir, mkdtemp, readdir, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {runInProcess} from './inProcess.js';

// The program as a whole, in-process: help, typos, usage errors (exit 2, JSON under --json), and the
// profile commands on the context.

let dir: string;
let sim: RunningSimulator;

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'oag-program-test-'));
	process.env.OAG_CONFIG_DIR = path.join(dir, 'config');
	process.env.OAG_KEY_PASSPHRASE = 'test passphrase 1';
	sim = await startTestSimulator();
});
afterAll(async () => {
	await sim?.close();
	await rm(dir, {recursive: true, force: true});
});

describe('help and typos', () => {
	it('`help status` shows the status command', async () => {
		const result = await runInProcess(['help', 'status']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Usage: oag-offline status/);
		expect(result.stderr).toBe('');
	});

	it('`help` walks nested commands and names the closest one for a typo', async () => {
		const nested = await runInProcess(['help', 'profile', 'use']);
		expect(nested.code).toBe(0);
		expect(nested.stdout).toMatch(/^Usage: oag-offline profile use \[options\] <name>/);
		const typo = await runInProcess(['help', 'statsu']);
		expect(typo.code).toBe(2);
		expect(typo.stderr).toBe("oag-offline: unknown command 'statsu' (did you mean status?): see `oag-offline help`\n");
		const nestedTypo = await runInProcess(['help', 'profile', 'lst', '--json']);
		expect(nestedTypo.code).toBe(2);
		expect(JSON.parse(nestedTypo.stderr).error.message).toMatch(/unknown command 'lst' \(did you mean list\?\): see `oag-offline help profile`/);
		const all = await runInProcess(['help']);
		expect(all.code).toBe(0);
		expect(all.stdout).toMatch(/Commands:[\s\S]*status[\s\S]*help \[command\.\.\.\]/);
	});

	it('a mistyped command is a usage error that suggests the command', async () => {
		const result = await runInProcess(['statsu']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/unknown command 'statsu' \(did you mean status\?\)/);
		const nested = await runInProcess(['profile', 'lsit']);
		expect(nested.code).toBe(2);
		expect(nested.stderr).toMatch(/unknown command 'lsit'[\s\S]*Did you mean list\?/);
	});

	it('under --json usage errors are one JSON object on stderr and stdout stays empty', async () => {
		for (const args of [['statsu', '--json'], ['status', '--frobnicate', '--json'], ['simulator', '--port', 'x', '--json']]) {
			const result = await runInProcess(args);
			expect(result.code).toBe(2);
			expect(result.stdout).toBe('');
			expect(result.stderr.trim().split('\n')).toHaveLength(1);
			expect(JSON.parse(result.stderr)).toEqual({error: {kind: 'usage', message: expect.any(String)}});
		}
		const option = await runInProcess(['status', '--frobnicate', '--json']);
		expect(JSON.parse(option.stderr).error.message).toMatch(/unknown option '--frobnicate'/);
	});

	it('a bad option value is exit 2 with the reason', async () => {
		const result = await runInProcess(['simulator', '--port', '70000']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/expected a whole number from 0 to 65535/);
	});
});

describe('login, logout, profile on the context', () => {
	it('a second logout says there was nothing to delete', async () => {
		const login = await runInProcess(
			['login', '--host', sim.url, '--client-id', sim.clientId, '--ca-file', sim.caFile!, '--key-file', sim.keyFile, '--profile', 'gw', '--backend', 'encrypted-file', '--yes', '--json'],
		);
		expect(login.code).toBe(0);
		expect(await readdir(path.join(dir, 'config', 'keys'))).toEqual(['gw.key.enc.json']);

		const first = await runInProcess(['logout', '--json']);
		expect(first.code).toBe(0);
		expect(JSON.parse(first.stdout)).toEqual({loggedOut: 'gw', deleted: true});
		expect(await readdir(path.join(dir, 'config', 'keys'))).toEqual([]);

		const second = await runInProcess(['logout']);
		expect(second.code).toBe(0);
		expect(second.stdout).toBe('Profile gw has no stored key: nothing to delete\n');
		const secondJson = await runInProcess(['logout', '--json']);
		expect(JSON.parse(secondJson.stdout)).toEqual({loggedOut: 'gw', deleted: false});

		const list = await runInProcess(['profile', 'list']);
		expect(list.stdout).toMatch(/^\s+NAME\s+HOST\s+CLIENT ID\s+KEY\n\*\s+gw\s+/);
		const missing = await runInProcess(['logout', '--profile', 'nobody', '--json']);
		expect(missing.code).toBe(2);
		expect(JSON.parse(missing.stderr).error).toEqual({kind: 'usage', message: expect.stringMatching(/no profile named nobody/)});
	});

	it('login refuses a malformed host before reading the key (exit 2); underscores and IPv6 pass the check', async () => {
		const bad = await runInProcess(['login', '--host', 'gw1:99999', '--client-id', 'c', '--key-file', path.join(dir, 'absent.pem')]);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/--host "gw1:99999" is not a gateway host: A port is a whole number from 1 to 65535/);
		// Past the host check, these fail on the missing key file instead: the host itself was accepted.
		for (const host of ['oag_admin.corp.example', '::1', '[::1]:8443']) {
			const result = await runInProcess(['login', '--host', host, '--client-id', 'c', '--key-file', path.join(dir, 'absent.pem'), '--profile', 'p']);
			expect(result.code).toBe(2);
			expect(result.stderr).not.toMatch(/not a gateway host/);
		}
	});
});

describe('a damaged profiles.yaml', () => {
	it('is a usage error (exit 2) in every command that reads it, JSON under --json', async () => {
		const config = path.join(dir, 'damaged');
		await mkdir(config, {recursive: true});
		await writeFile(path.join(config, 'profiles.yaml'), 'profiles: [unclosed\n');
		const previous = process.env.OAG_CONFIG_DIR;
		process.env.OAG_CONFIG_DIR = config;
		try {
			for (const args of [['logout'], ['profile', 'list'], ['profile', 'use', 'x'], ['status']]) {
				const result = await runInProcess(args);
				expect(result.code, args.join(' ')).toBe(2);
				expect(result.stderr).toMatch(/profiles\.yaml/);
			}
			const json = await runInProcess(['profile', 'list', '--json']);
			expect(JSON.parse(json.stderr).error.kind).toBe('usage');
		} finally {
			process.env.OAG_CONFIG_DIR = previous;
		}
	});
});
