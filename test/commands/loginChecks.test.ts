import {spawn, spawnSync} from 'node:child_process';
import {generateKeyPairSync} from 'node:crypto';
import {copyFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {baseEnv, runCli} from '../helpers/oagCli.js';
import {startTestSimulator} from '../helpers/simulator.js';

// Checks login makes before any network call, through the real CLI: the simulator's request counter shows
// that nothing reached the gateway.

vi.setConfig({testTimeout: 120_000});

const PROBE = path.join(import.meta.dirname, '../helpers/connectProbe.ts');
let sim: RunningSimulator;
let dir: string;
beforeAll(async () => {
	sim = await startTestSimulator();
	dir = await mkdtemp(path.join(tmpdir(), 'oag-login-checks-'));
});
afterAll(async () => {
	await sim?.close();
	await rm(dir, {recursive: true, force: true});
});

const pkcs8 = (key: ReturnType<typeof generateKeyPairSync>['privateKey']): string => key.export({type: 'pkcs8', format: 'pem'}).toString();

async function attempt(name: string, options: {key?: string; extra?: string[]; env?: NodeJS.ProcessEnv; caFile?: string}) {
	const keyFile = path.join(dir, `${name}.pem`);
	if (options.key) await writeFile(keyFile, options.key, {mode: 0o600});
	else await copyFile(sim.keyFile, keyFile);
	const env = baseEnv({OAG_CONFIG_DIR: path.join(dir, name), OAG_KEY_PASSPHRASE: 'test passphrase 1', ...options.env});
	const before = sim.control.counters().requests;
	const result = await runCli(
		['login', '--host', sim.url, '--client-id', sim.clientId, '--ca-file', options.caFile ?? sim.caFile!, '--key-file', keyFile, '--backend', 'encrypted-file', '--yes', ...(options.extra ?? [])],
		{env},
	);
	return {...result, keyFile, env, requests: sim.control.counters().requests - before};
}

describe('login refuses weak or wrong input before any network call', () => {
	it('an RSA key under 2048 bits', async () => {
		const result = await attempt('rsa1024', {key: pkcs8(generateKeyPairSync('rsa', {modulusLength: 1024}).privateKey)});
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(`oag-offline: the key in ${result.keyFile}: this RSA key has 1024 bits; at least 2048 are required\n`);
		expect(result.requests).toBe(0);
	});

	it('a file with two keys', async () => {
		const key = (await readFile(sim.keyFile, 'utf8')) + pkcs8(generateKeyPairSync('ec', {namedCurve: 'P-256'}).privateKey);
		const result = await attempt('two', {key});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/this holds 2 private keys/);
		expect(result.requests).toBe(0);
	});

	it('an OAG_KEY_PASSPHRASE shorter than the prompt accepts', async () => {
		const result = await attempt('short', {env: {OAG_KEY_PASSPHRASE: 'abc'}});
		expect(result.code).toBe(2);
		expect(result.stderr).toBe('oag-offline: OAG_KEY_PASSPHRASE is too short for a new key file: use at least 8 characters\n');
		expect(result.requests).toBe(0);
	});

	it('a --ca-file that holds no certificate', async () => {
		const garbage = path.join(dir, 'garbage-ca.pem');
		await writeFile(garbage, 'this is not a certificate\n');
		const result = await attempt('garbage-ca', {caFile: garbage});
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(`oag-offline: the CA file ${garbage} is not a PEM certificate (expected a -----BEGIN CERTIFICATE----- block)\n`);
		expect(result.requests).toBe(0);
	});

	it('key input is bounded: /dev/zero as --key-file and a flood on --key-stdin are refused', async () => {
		const zero = await runCli(['login', '--host', sim.url, '--client-id', sim.clientId, '--key-file', '/dev/zero', '--backend', 'encrypted-file', '--yes'], {env: baseEnv({OAG_CONFIG_DIR: path.join(dir, 'zero')})});
		expect(zero.code).toBe(2);
		expect(zero.stderr).toBe('oag-offline: the key file: cannot read /dev/zero: it is over the limit of 65536 bytes\n');
		const flood = await runCli(['login', '--host', sim.url, '--client-id', sim.clientId, '--key-stdin', '--backend', 'encrypted-file', '--yes'], {env: baseEnv({OAG_CONFIG_DIR: path.join(dir, 'flood')}), input: 'A'.repeat(200 * 1024)});
		expect(flood.code).toBe(1);
		expect(flood.stderr).toBe('oag-offline: stdin holds more than 64 KiB: not a key\n');
	});

	it('a FIFO as --key-file (as `--key-file <(pass show gw1)` gives) is read whole', async () => {
		const fifo = path.join(dir, 'key.fifo');
		expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
		const writer = spawn('sh', ['-c', `cat '${sim.keyFile}' > '${fifo}'`]);
		const env = baseEnv({OAG_CONFIG_DIR: path.join(dir, 'fifo'), OAG_KEY_PASSPHRASE: 'test passphrase 1'});
		const result = await runCli(['login', '--host', sim.url, '--client-id', sim.clientId, '--ca-file', sim.caFile!, '--key-file', fifo, '--backend', 'encrypted-file', '--yes', '--json'], {env});
		writer.kill();
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout.trim())).toMatchObject({keyBackend: 'encrypted file'});
	});

	it('a client id of spaces is blamed on the client id', async () => {
		for (const clientId of ['   ', 'abc def']) {
			const env = baseEnv({OAG_CONFIG_DIR: path.join(dir, 'client-id'), OAG_KEY_PASSPHRASE: 'test passphrase 1'});
			const before = sim.control.counters().requests;
			const result = await runCli(['login', '--host', sim.url, '--client-id', clientId, '--ca-file', sim.caFile!, '--key-file', sim.keyFile, '--backend', 'encrypted-file', '--yes'], {env});
			expect(result.code, JSON.stringify(clientId)).toBe(2);
			expect(result.stderr.split('\n').filter((line) => line.startsWith('oag-offline:'))).toEqual([expect.stringMatching(/^oag-offline: The client id \(--client-id\) (is empty or only spaces|contains spaces)/)]);
			expect(sim.control.counters().requests - before).toBe(0);
		}
	});

	it('a profile named like an object property is refused, and such a profile does not exist', async () => {
		for (const name of ['constructor', '__proto__', 'toString']) {
			const result = await attempt(`proto-${name.replace(/_/g, 'u')}`, {extra: ['--profile', name]});
			expect(result.code, name).toBe(2);
			expect(result.stderr).toMatch(/^oag-offline: bad profile name "[^"]+": use letters/);
			expect(result.requests).toBe(0);
		}
		const ok = await attempt('proto-ok', {extra: ['--profile', 'gw1']});
		expect(ok.code).toBe(0);
		const probe = await runCli(['--profile', 'constructor'], {env: ok.env, script: PROBE});
		expect(probe.code).toBe(2);
		expect(probe.stderr).toMatch(/^oag-offline: no profile named constructor/);
	});
});
