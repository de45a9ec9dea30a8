import {mkdtemp, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {DISPLAY_TOOLS, KEYRING_TOOLS, secretTool, startKeyringSession, type KeyringSession} from '../helpers/keyring.js';
import {runCli} from '../helpers/oagCli.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {toolsOrSkip} from '../helpers/tools.js';

// The real CLI in child processes against a real Secret Service (gnome-keyring on a private D-Bus session).
vi.setConfig({testTimeout: 120_000});

const PROBE = path.join(import.meta.dirname, '../helpers/connectProbe.ts');
const skip = process.platform !== 'linux' ? 'Secret Service tests run on Linux' : toolsOrSkip(KEYRING_TOOLS);
const json = (text: string): any => JSON.parse(text.trim().split('\n').at(-1)!);
const lookup = (session: KeyringSession, profile: string) =>
	secretTool(session.env, ['lookup', 'service', 'oag-offline', 'username', `profile:${profile}`]);

let sim: RunningSimulator;
let dir: string;
beforeAll(async () => {
	sim = await startTestSimulator();
	dir = await mkdtemp(path.join(tmpdir(), 'oag-login-keychain-'));
});
afterAll(async () => {
	await sim?.close();
	await rm(dir, {recursive: true, force: true});
});

const loginArgs = (profile: string): string[] => [
	'login', '--profile', profile, '--host', sim.url, '--client-id', sim.clientId, '--ca-file', sim.caFile!, '--key-stdin', '--json',
];

describe.skipIf(skip)('login with the OS keychain (gnome-keyring, unlocked)', () => {
	let session: KeyringSession;
	let env: NodeJS.ProcessEnv;
	beforeAll(async () => {
		session = await startKeyringSession();
		env = {...session.env, OAG_CONFIG_DIR: path.join(dir, 'unlocked'), NO_COLOR: '1'};
	});
	afterAll(async () => session?.stop());

	it('login stores the key, a second process reads it and calls the gateway, remove deletes it', async () => {
		const login = await runCli(loginArgs('gw1'), {env, input: sim.privateKeyPem});
		expect(login.stderr).toBe('');
		expect(login.code).toBe(0);
		expect(json(login.stdout)).toMatchObject({profile: 'gw1', keyBackend: 'keychain'});

		const search = secretTool(session.env, ['search', '--all', 'service', 'oag-offline']);
		expect(search.output).toContain('attribute.username = profile:gw1');
		expect(Buffer.from(lookup(session, 'gw1').stdout.trim(), 'base64')).toHaveLength(32);

		const probe = await runCli([], {env, script: PROBE});
		expect(probe.stderr).toBe('');
		expect(json(probe.stdout)).toEqual({keyBackend: 'keychain', profile: 'gw1', idps: 2});

		const remove = await runCli(['profile', 'remove', 'gw1', '--json'], {env});
		expect(json(remove.stdout)).toEqual({removed: 'gw1'});
		expect(lookup(session, 'gw1').status).not.toBe(0);
		expect(await readdir(path.join(env.OAG_CONFIG_DIR!, 'keys'))).toEqual([]);
	});

	it('logout deletes the keychain entry and keeps the profile', async () => {
		expect((await runCli(loginArgs('gw2'), {env, input: sim.privateKeyPem})).code).toBe(0);
		expect(lookup(session, 'gw2').status).toBe(0);
		const logout = await runCli(['logout', '--profile', 'gw2'], {env});
		expect(logout.code).toBe(0);
		expect(lookup(session, 'gw2').status).not.toBe(0);
		const list = await runCli(['profile', 'list', '--json'], {env});
		expect(json(list.stdout)).toEqual([expect.objectContaining({name: 'gw2', key: 'none'})]);
	});
});

describe.skipIf(skip)('a Secret Service without a default collection', () => {
	it('login says so, lists the alternatives and stores nothing', async () => {
		const session = await startKeyringSession({loginKeyring: false});
		try {
			const env = {...session.env, OAG_CONFIG_DIR: path.join(dir, 'nocollection'), NO_COLOR: '1'};
			const login = await runCli([...loginArgs('gw'), '--yes'], {env, input: sim.privateKeyPem});
			expect(login.code).toBe(1);
			// Under --json the error is one JSON line on stderr.
			expect(login.stderr.trim().split('\n').map(line => JSON.parse(line))).toEqual([
				{
					error: {
						kind: 'failure',
						message:
							'keychain unavailable: the Secret Service has no default collection (no "login" keyring; create one in Passwords and Keys / Seahorse and set it as default); use --backend encrypted-file (passphrase) or --backend command --key-command CMD. Nothing was stored.',
					},
				},
			]);
			expect(await readdir(path.join(env.OAG_CONFIG_DIR, 'keys')).catch(() => [])).toEqual([]); // keychain first: no file either
		} finally {
			await session.stop();
		}
	});
});

const skipDisplay = skip ?? toolsOrSkip(DISPLAY_TOOLS);

describe.skipIf(skipDisplay)('a locked keyring with a display', () => {
	it('the reading process gives up after OAG_KEYCHAIN_TIMEOUT and exits cleanly within timeout + 1 s', async () => {
		const session = await startKeyringSession({display: true});
		try {
			const env = {...session.env, OAG_CONFIG_DIR: path.join(dir, 'locked'), NO_COLOR: '1'};
			expect((await runCli(loginArgs('gw'), {env, input: sim.privateKeyPem})).code).toBe(0);
			await session.lock();
			// Start-up of a CLI child through tsx, measured: a run that fails before any keychain call.
			const baseline = await runCli(['--profile', 'absent'], {env, script: PROBE});
			expect(baseline.code).toBe(2);
			const timeoutMs = 1_500;
			const locked = await runCli([], {env: {...env, OAG_KEYCHAIN_TIMEOUT: String(timeoutMs)}, script: PROBE, timeoutMs: 30_000});
			expect(locked.code).toBe(1);
			expect(locked.stderr).toMatch(/^oag-offline: keychain timed out after 1.5 s \(locked, waiting for an unlock prompt\?\);[^\n]*\n$/);
			expect(locked.ms).toBeLessThan(baseline.ms + timeoutMs + 1_000);
		} finally {
			await session.stop();
		}
	});
});
