import {generateKeyPairSync} from 'node:crypto';
import {copyFile, mkdtemp, readFile, readdir, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import YAML from 'yaml';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {baseEnv, runCli} from '../helpers/oagCli.js';
import {startTestSimulator} from '../helpers/simulator.js';

// login / profile / logout through the real CLI entry in child processes, against the simulator.
// No D-Bus here: the keychain is unavailable, which is itself one of the cases.

// Each CLI child starts through tsx (seconds on a busy 2-core runner); some tests run several.
vi.setConfig({testTimeout: 120_000});

const PROBE = path.join(import.meta.dirname, '../helpers/connectProbe.ts');
let sim: RunningSimulator;
let dir: string;

beforeAll(async () => {
	sim = await startTestSimulator();
	dir = await mkdtemp(path.join(tmpdir(), 'oag-login-test-'));
});
afterAll(async () => {
	await sim?.close();
	await rm(dir, {recursive: true, force: true});
});

/** A fresh config dir per scenario; the passphrase is known to the test. */
async function scenario(name: string): Promise<{env: NodeJS.ProcessEnv; config: string; keyFile: string; target: string[]}> {
	const config = path.join(dir, name);
	const keyFile = path.join(dir, `${name}-key.pem`);
	await copyFile(sim.keyFile, keyFile);
	const env = baseEnv({OAG_CONFIG_DIR: config, OAG_KEY_PASSPHRASE: 'test passphrase 1'});
	return {env, config, keyFile, target: ['--host', sim.url, '--client-id', sim.clientId, '--ca-file', sim.caFile!]};
}

const json = (text: string): any => JSON.parse(text.trim().split('\n').at(-1)!);

describe('login with an encrypted file', () => {
	it('checks the key, stores it, writes the profile; a second process uses it', async () => {
		const {env, config, keyFile, target} = await scenario('enc');
		const login = await runCli(['login', ...target, '--key-file', keyFile, '--backend', 'encrypted-file', '--profile', 'gw1', '--yes', '--json'], {env});
		expect(login.stderr).toBe('oag-offline: the key file ' + keyFile + ' was kept; delete it once you no longer need it\n');
		expect(login.code).toBe(0);
		expect(json(login.stdout)).toMatchObject({profile: 'gw1', keyBackend: 'encrypted file', authMode: 'token', keyFileDeleted: false, fingerprint: expect.stringMatching(/^SHA256:/)});
		expect((await stat(keyFile)).isFile()).toBe(true);
		expect(((await stat(path.join(config, 'profiles.yaml'))).mode & 0o777)).toBe(0o600);

		const list = await runCli(['profile', 'list', '--json'], {env});
		expect(json(list.stdout)).toEqual([expect.objectContaining({name: 'gw1', current: true, host: sim.url, key: 'encrypted file'})]);

		const probe = await runCli([], {env, script: PROBE});
		expect(probe.stderr).toBe('');
		expect(json(probe.stdout)).toMatchObject({keyBackend: 'encrypted file', profile: 'gw1', idps: 2});

		const wrong = await runCli([], {env: {...env, OAG_KEY_PASSPHRASE: 'not it'}, script: PROBE});
		expect(wrong.code).toBe(1);
		expect(wrong.stderr).toBe('oag-offline: wrong passphrase for the key of profile gw1\n');
	});

	it('--delete-key-file removes the imported file; default profile name comes from the host', async () => {
		const {env, keyFile, target} = await scenario('del');
		const login = await runCli(['login', ...target, '--key-file', keyFile, '--backend', 'encrypted-file', '--delete-key-file', '--json'], {env});
		expect(login.code).toBe(0);
		expect(json(login.stdout)).toMatchObject({keyFileDeleted: true, profile: new URL(sim.url).host.replace(':', '-')});
		await expect(stat(keyFile)).rejects.toThrow(/ENOENT/);
	});
});

describe('login refusals', () => {
	it('keychain without D-Bus: one line with the reason and the alternatives; nothing stored', async () => {
		const {env, config, keyFile, target} = await scenario('nokeychain');
		const login = await runCli(['login', ...target, '--key-file', keyFile, '--yes'], {env});
		expect(login.code).toBe(1);
		const lines = login.stderr.trim().split('\n');
		expect(lines.at(-1)).toMatch(/^oag-offline: keychain unavailable: no D-Bus session .*use --backend encrypted-file .* or --backend command --key-command CMD\. Nothing was stored\.$/);
		expect(await readdir(config).catch(() => [])).toEqual([]);
	});

	it('a PKCS#1 key gets the conversion command', async () => {
		const {env, target} = await scenario('pkcs1');
		const file = path.join(dir, 'rsa1.pem');
		await writeFile(file, generateKeyPairSync('rsa', {modulusLength: 2048}).privateKey.export({type: 'pkcs1', format: 'pem'}));
		const login = await runCli(['login', ...target, '--key-file', file, '--backend', 'encrypted-file'], {env});
		expect(login.code).toBe(2);
		expect(login.stderr).toBe(`oag-offline: the key in ${file}: this is a PKCS#1/SEC1 key, not PKCS#8; convert it: openssl pkcs8 -topk8 -nocrypt -in OLD.pem -out key.pem\n`);
	});

	it('without a terminal there is no hidden prompt: says to use --key-stdin', async () => {
		const {env, target} = await scenario('notty');
		const login = await runCli(['login', ...target, '--backend', 'encrypted-file'], {env});
		expect(login.code).toBe(2);
		expect(login.stderr).toBe('oag-offline: no terminal for a hidden prompt: pipe the key with --key-stdin, or pass --key-file FILE\n');
	});

	it('missing host or client id is a usage error', async () => {
		const {env} = await scenario('nohost');
		const login = await runCli(['login', '--client-id', 'x', '--key-stdin'], {env});
		expect(login.code).toBe(2);
		expect(login.stderr).toMatch(/^oag-offline: login needs --host HOST/);
	});

	it('a key the gateway does not know: exit 3 and nothing stored', async () => {
		const {env, config, target} = await scenario('badkey');
		const other = await sim.control.addClient(['okta.oag.idp.read']);
		const login = await runCli(['login', ...target, '--key-stdin', '--backend', 'encrypted-file'], {env, input: other.privateKeyPem});
		expect(login.code).toBe(3);
		expect(login.stderr.trim().split('\n').at(-1)).toMatch(/^oag-offline: the gateway refused the credentials check: .*\(nothing was stored\)$/);
		expect(await readdir(config).catch(() => [])).toEqual([]);
	});

	it('plaintext only with --insecure-storage, and then a warning on every run', async () => {
		const {env, target} = await scenario('plain');
		const refused = await runCli(['login', ...target, '--key-stdin', '--backend', 'plaintext'], {env, input: sim.privateKeyPem});
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/needs --insecure-storage/);
		const login = await runCli(['login', ...target, '--key-stdin', '--insecure-storage'], {env, input: sim.privateKeyPem});
		expect(login.code).toBe(0);
		expect(login.stderr).toMatch(/WARNING: the private key is stored UNENCRYPTED/);
		const probe = await runCli([], {env, script: PROBE});
		expect(json(probe.stdout)).toMatchObject({keyBackend: 'PLAINTEXT'});
		expect(probe.stderr).toMatch(/^oag-offline: WARNING: the private key is stored UNENCRYPTED/);
	});
});

describe('key command, profiles, logout', () => {
	it('key command: nothing stored, the command runs on each use', async () => {
		const {env, config, keyFile, target} = await scenario('cmd');
		const login = await runCli(['login', ...target, '--profile', 'viacmd', '--key-command', `cat '${keyFile}'`, '--json'], {env});
		expect(login.code).toBe(0);
		expect(json(login.stdout)).toMatchObject({keyBackend: 'command'});
		expect(await readdir(config)).toEqual(['profiles.yaml']);
		expect(json((await runCli([], {env, script: PROBE})).stdout)).toMatchObject({keyBackend: 'command', idps: 2});
	});

	it('use switches, logout keeps the profile without a key, remove deletes profile and key file', async () => {
		const {env, config, keyFile, target} = await scenario('profiles');
		for (const name of ['a', 'b']) {
			const login = await runCli(['login', ...target, '--profile', name, '--key-file', keyFile, '--backend', 'encrypted-file', '--yes'], {env});
			expect(login.code).toBe(0);
		}
		expect((await runCli(['profile', 'use', 'a'], {env})).stdout).toBe('Current profile: a\n');
		expect(json((await runCli([], {env, script: PROBE})).stdout)).toMatchObject({profile: 'a'});
		expect(json((await runCli(['--profile', 'b'], {env, script: PROBE})).stdout)).toMatchObject({profile: 'b'});

		const logout = await runCli(['logout', '--json'], {env});
		expect(json(logout.stdout)).toEqual({loggedOut: 'a', deleted: true});
		expect(await readdir(path.join(config, 'keys'))).toEqual(['b.key.enc.json']);
		const afterLogout = await runCli([], {env, script: PROBE});
		expect(afterLogout.code).toBe(2);
		expect(afterLogout.stderr).toBe('oag-offline: profile a has no stored key: run `oag-offline login --profile a`, or pass --key-file FILE\n');

		const remove = await runCli(['profile', 'remove', 'b'], {env});
		expect(remove.code).toBe(0);
		expect(await readdir(path.join(config, 'keys'))).toEqual([]);
		expect(json((await runCli(['profile', 'list', '--json'], {env})).stdout)).toEqual([expect.objectContaining({name: 'a', key: 'none'})]);
		expect((await runCli(['profile', 'use', 'zzz'], {env})).code).toBe(2);
	});

	it('a client with fewer scopes: login says to pass --scopes, then remembers them for later runs', async () => {
		const {env} = await scenario('scopes');
		const limited = await sim.control.addClient(['okta.oag.idp.read']);
		const target = ['--host', sim.url, '--client-id', limited.clientId, '--ca-file', sim.caFile!, '--key-stdin', '--backend', 'encrypted-file'];
		const refused = await runCli(['login', ...target], {env, input: limited.privateKeyPem});
		expect(refused.code).toBe(3);
		expect(refused.stderr.trim().split('\n').at(-1)).toMatch(/refused scope .*Pass login --scopes with the scopes this API client has\. \(nothing was stored\)$/);
		const login = await runCli(['login', ...target, '--scopes', 'okta.oag.idp.read', '--json'], {env, input: limited.privateKeyPem});
		expect(login.code).toBe(0);
		expect(json((await runCli([], {env, script: PROBE})).stdout)).toMatchObject({idps: 2});
		expect((await runCli(['login', ...target, '--scopes', 'okta.oag.everything'], {env, input: limited.privateKeyPem})).code).toBe(2);
	});

	it('--insecure holds for that login only: a later login with a CA file and without it verifies again', async () => {
		const {env, config, keyFile} = await scenario('insecure');
		const profileOf = async (): Promise<any> => YAML.parse(await readFile(path.join(config, 'profiles.yaml'), 'utf8')).profiles.gw;
		const base = ['login', '--host', sim.url, '--client-id', sim.clientId, '--profile', 'gw', '--key-file', keyFile, '--backend', 'encrypted-file', '--yes'];
		const insecure = await runCli([...base, '--insecure'], {env});
		expect(insecure.code).toBe(0);
		expect((await profileOf()).defaults).toEqual({insecure: true});

		const verified = await runCli([...base, '--ca-file', sim.caFile!], {env});
		expect(verified.code).toBe(0);
		const profile = await profileOf();
		expect(profile.caFile).toBe(sim.caFile);
		expect(profile.defaults?.insecure).toBeUndefined();
		// Other defaults survive a login; only insecure follows the flag.
		const text = await readFile(path.join(config, 'profiles.yaml'), 'utf8');
		await writeFile(path.join(config, 'profiles.yaml'), text.replace('    keyBackend:', '    defaults:\n      readOnly: true\n      insecure: true\n    keyBackend:'));
		expect((await profileOf()).defaults).toEqual({readOnly: true, insecure: true});
		expect((await runCli(base, {env})).code).toBe(0);
		expect((await profileOf()).defaults).toEqual({readOnly: true});
	});

	it('flags and OAG_* override the profile: a run with its own key file needs no profile', async () => {
		const {env, keyFile} = await scenario('flags');
		const probe = await runCli([], {
			env: {...env, OAG_HOST: sim.url, OAG_CLIENT_ID: sim.clientId, OAG_PRIVATE_KEY_FILE: keyFile, OAG_CA_FILE: sim.caFile},
			script: PROBE,
		});
		expect(json(probe.stdout)).toMatchObject({keyBackend: 'file for this run', idps: 2});
		const missing = await runCli([], {env: {...env, OAG_HOST: sim.url, OAG_CLIENT_ID: sim.clientId}, script: PROBE});
		expect(missing.code).toBe(2);
		expect(missing.stderr).toBe('oag-offline: no private key: pass --key-file FILE (or OAG_PRIVATE_KEY_FILE), or run `oag-offline login`\n');
	});
});
