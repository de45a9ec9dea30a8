import {copyFile, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {KEYRING_TOOLS, secretTool, startKeyringSession} from '../helpers/keyring.js';
import {mountReadOnly, mountsOrSkip, mountTmpfs, unmount} from '../helpers/mounts.js';
import {baseEnv, runCli} from '../helpers/oagCli.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {toolsOrSkip} from '../helpers/tools.js';

// Login as a transaction, against real faults: a read-only config dir, a read-only or full keys dir, a failing
// keychain, six logins at once. After every failure the previous profile still works (a second process reads
// its key and calls the simulator) and no key file is left behind.

vi.setConfig({testTimeout: 180_000});

const PROBE = path.join(import.meta.dirname, '../helpers/connectProbe.ts');
const skipMounts = mountsOrSkip();
const json = (text: string): any => JSON.parse(text.trim().split('\n').at(-1)!);
/** The error lines of a run (progress lines like "Key: RSA..." come before them). */
const errorLines = (stderr: string): string[] => stderr.split('\n').filter((line) => line.startsWith('oag-offline:'));

let sim: RunningSimulator;
let dir: string;
const mounted: string[] = [];
beforeAll(async () => {
	sim = await startTestSimulator();
	dir = await mkdtemp(path.join(tmpdir(), 'oag-login-faults-'));
});
afterAll(async () => {
	for (const point of mounted.reverse()) {
		try {
			unmount(point);
		} catch {
			// already unmounted by its test
		}
	}
	await sim?.close();
	await rm(dir, {recursive: true, force: true});
});

type Scenario = {env: NodeJS.ProcessEnv; config: string; keys: string; keyFile: string; target: string[]};

/** The config dir holds profiles.yaml; its keys dir is a symlink to a separate dir, so each can fail alone. */
async function scenario(name: string, options: {keysTmpfs?: string} = {}): Promise<Scenario> {
	const config = path.join(dir, name, 'config');
	const keys = path.join(dir, name, 'keys');
	await mkdir(config, {recursive: true, mode: 0o700});
	await mkdir(keys, {recursive: true, mode: 0o700});
	if (options.keysTmpfs) {
		mountTmpfs(keys, options.keysTmpfs);
		mounted.push(keys);
	}
	await symlink(keys, path.join(config, 'keys'));
	const keyFile = path.join(dir, name, 'key.pem');
	await copyFile(sim.keyFile, keyFile);
	const env = baseEnv({OAG_CONFIG_DIR: config, OAG_KEY_PASSPHRASE: 'test passphrase 1'});
	return {env, config, keys, keyFile, target: ['--host', sim.url, '--client-id', sim.clientId, '--ca-file', sim.caFile!]};
}

const login = (s: Scenario, extra: string[], env: NodeJS.ProcessEnv = s.env) =>
	runCli(['login', ...s.target, '--key-file', s.keyFile, '--yes', ...extra], {env});

/** The current profile works in a second process: its stored key is read and the gateway answers. */
async function expectWorks(s: Scenario, profile: string, env: NodeJS.ProcessEnv = s.env): Promise<void> {
	const probe = await runCli([], {env, script: PROBE});
	expect(probe.stderr).toBe('');
	expect(json(probe.stdout)).toMatchObject({profile, idps: 2});
}

function withMount<T>(point: string, mount: () => void, work: () => Promise<T>): Promise<T> {
	mount();
	mounted.push(point);
	return work().finally(() => {
		unmount(point);
		mounted.splice(mounted.indexOf(point), 1);
	});
}

describe.skipIf(skipMounts)('login is transactional under file-system faults', () => {
	it('a read-only config dir: the profile cannot be saved, the new key is removed, the old profile works', async () => {
		const s = await scenario('ro-config');
		expect((await login(s, ['--profile', 'gw1', '--backend', 'encrypted-file'])).code).toBe(0);
		const profilesBefore = await readFile(path.join(s.config, 'profiles.yaml'), 'utf8');
		const keysBefore = await readdir(s.keys);

		await withMount(s.config, () => mountReadOnly(s.config), async () => {
			const again = await login(s, ['--profile', 'gw1', '--backend', 'encrypted-file']);
			expect(again.code).toBe(1);
			expect(errorLines(again.stderr)).toEqual([expect.stringMatching(/^oag-offline: cannot save the profile: cannot create \S+profiles\.yaml\.lock: the file system is read-only; nothing changed \(the new key was removed\)$/)]);
			expect(again.stderr).not.toMatch(/EROFS/);
			await expectWorks(s, 'gw1');
		});
		expect(await readdir(s.keys)).toEqual(keysBefore);
		expect(await readFile(path.join(s.config, 'profiles.yaml'), 'utf8')).toBe(profilesBefore);
	});

	it('a read-only keys dir: the key cannot be written, nothing changes, the old profile works', async () => {
		const s = await scenario('ro-keys');
		expect((await login(s, ['--profile', 'gw1', '--backend', 'encrypted-file'])).code).toBe(0);
		const profilesBefore = await readFile(path.join(s.config, 'profiles.yaml'), 'utf8');

		await withMount(s.keys, () => mountReadOnly(s.keys), async () => {
			const again = await login(s, ['--profile', 'gw1', '--backend', 'encrypted-file']);
			expect(again.code).toBe(1);
			expect(errorLines(again.stderr)).toEqual([expect.stringMatching(/^oag-offline: cannot store the key \(encrypted file\): cannot write \S+\/keys\/gw1~[0-9a-f]+\.key\.enc\.json: the file system is read-only; nothing changed$/)]);
			await expectWorks(s, 'gw1');
		});
		expect(await readdir(s.keys)).toEqual(['gw1.key.enc.json']);
		expect(await readFile(path.join(s.config, 'profiles.yaml'), 'utf8')).toBe(profilesBefore);
	});

	it('a full keys dir (64 KiB tmpfs): "no space left", no temp file left, the old profile works', async () => {
		const s = await scenario('full-keys', {keysTmpfs: '64k'});
		expect((await login(s, ['--profile', 'gw1', '--backend', 'plaintext', '--insecure-storage'])).code).toBe(0);
		// Fill the file system: the write fails part way, and the filler keeps what it got.
		await writeFile(path.join(s.keys, 'filler'), Buffer.alloc(256 * 1024)).catch(() => undefined);

		const again = await login(s, ['--profile', 'gw1', '--backend', 'encrypted-file']);
		expect(again.code).toBe(1);
		expect(errorLines(again.stderr)).toEqual([expect.stringMatching(/^oag-offline: cannot store the key \(encrypted file\): cannot write \S+gw1~[0-9a-f]+\.key\.enc\.json: no space left on the device; nothing changed$/)]);
		expect(again.stderr).not.toMatch(/ENOSPC/);
		expect((await readdir(s.keys)).sort()).toEqual(['filler', 'gw1.INSECURE.pem']);
		const probe = await runCli([], {env: s.env, script: PROBE});
		expect(json(probe.stdout)).toMatchObject({profile: 'gw1', idps: 2, keyBackend: 'PLAINTEXT'});
	});
});

describe('login moves keys without leaving copies behind', () => {
	it('a re-login of the same host without --profile that moves off plaintext removes the plaintext key', async () => {
		const s = await scenario('off-plaintext');
		const first = await login(s, ['--backend', 'plaintext', '--insecure-storage', '--json']);
		expect(first.code).toBe(0);
		const name = json(first.stdout).profile as string;
		expect(await readdir(s.keys)).toEqual([`${name}.INSECURE.pem`]);

		const second = await login(s, ['--backend', 'encrypted-file', '--json']);
		expect(second.stderr).not.toMatch(/WARNING|warning/);
		expect(json(second.stdout)).toMatchObject({profile: name, keyBackend: 'encrypted file'});
		const files = await readdir(s.keys);
		expect(files).toHaveLength(1);
		expect(files[0]).toMatch(new RegExp(`^${name.replace(/\./g, '\\.')}~[0-9a-f]{8}\\.key\\.enc\\.json$`));
		await expectWorks(s, name);
	});

	it('six concurrent logins: all six profiles exist afterwards, each with its one key file, no lock left', async () => {
		const s = await scenario('six');
		const names = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
		const results = await Promise.all(names.map((name) => login(s, ['--profile', name, '--backend', 'encrypted-file'])));
		expect(results.map((result) => result.code)).toEqual(names.map(() => 0));
		const list = json((await runCli(['profile', 'list', '--json'], {env: s.env})).stdout) as Array<{name: string}>;
		expect(list.map((row) => row.name).sort()).toEqual(names);
		expect((await readdir(s.keys)).sort()).toEqual(names.map((name) => `${name}.key.enc.json`));
		expect(await readdir(s.config)).toEqual(['keys', 'profiles.yaml']);
		await expectWorks(s, 'c3', {...s.env, OAG_PROFILE: 'c3'});
	});
});

const skipKeyring = process.platform !== 'linux' ? 'Secret Service tests run on Linux' : toolsOrSkip(KEYRING_TOOLS);

describe.skipIf(skipKeyring ?? skipMounts)('login is transactional when the keychain fails', () => {
	it('a keychain write that times out, and an envelope that cannot be written: the old key stays, no orphan entry', async () => {
		const session = await startKeyringSession();
		try {
			const s = await scenario('keychain');
			const env = {...s.env, ...session.env, OAG_CONFIG_DIR: s.config};
			expect((await login(s, ['--profile', 'gw1'], env)).code).toBe(0);
			const entries = () => secretTool(session.env, ['search', '--all', 'service', 'oag-offline']).output.match(/attribute\.username = \S+/g) ?? [];
			expect(entries()).toEqual(['attribute.username = profile:gw1']);

			const timedOut = await login(s, ['--profile', 'gw1'], {...env, OAG_KEYCHAIN_TIMEOUT: '1'});
			expect(timedOut.code).toBe(1);
			expect(errorLines(timedOut.stderr)).toEqual([expect.stringMatching(/^oag-offline: keychain timed out after 0\.001 s [^\n]*Nothing was stored\.$/)]);
			await expectWorks(s, 'gw1', env);

			await withMount(s.keys, () => mountReadOnly(s.keys), async () => {
				const noEnvelope = await login(s, ['--profile', 'gw1'], env);
				expect(noEnvelope.code).toBe(1);
				expect(errorLines(noEnvelope.stderr)).toEqual([expect.stringMatching(/^oag-offline: cannot store the key \(keychain\): cannot write \S+gw1~[0-9a-f]+\.envelope\.json: the file system is read-only; nothing changed$/)]);
			});
			expect(entries()).toEqual(['attribute.username = profile:gw1']);
			expect(await readdir(s.keys)).toEqual(['gw1.envelope.json']);
			await expectWorks(s, 'gw1', env);

			// A successful re-login moves the key to a new slot and removes the old entry and file.
			expect((await login(s, ['--profile', 'gw1'], env)).code).toBe(0);
			expect(entries()).toEqual([expect.stringMatching(/^attribute\.username = profile:gw1~[0-9a-f]{8}$/)]);
			expect(await readdir(s.keys)).toEqual([expect.stringMatching(/^gw1~[0-9a-f]{8}\.envelope\.json$/)]);
			await expectWorks(s, 'gw1', env);
		} finally {
			await session.stop();
		}
	});
});
