import {generateKeyPairSync} from 'node:crypto';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {oagPaths, type OagPaths} from '../../source/config/paths.js';
import {deleteKeychainKey, envelopePath, readKeychainKey, writeKeychainKey} from '../../source/secrets/keychainBackend.js';
import {SecretStoreError} from '../../source/secrets/labels.js';
import {DEFAULT_READ_TIMEOUT_MS} from '../../source/secrets/keychainProcess.js';
import {DISPLAY_TOOLS, KEYRING_TOOLS, secretTool, startKeyringSession, type KeyringSession} from '../helpers/keyring.js';
import {toolsOrSkip} from '../helpers/tools.js';

// Real Secret Service (gnome-keyring on a private D-Bus session) behind the keychain backend.

const pem = generateKeyPairSync('rsa', {modulusLength: 2048}).privateKey.export({type: 'pkcs8', format: 'pem'}).toString();
const bodyLines = pem.split('\n').filter((line) => line && !line.startsWith('-----'));
const skip = process.platform !== 'linux' ? 'Secret Service tests run on Linux' : toolsOrSkip(KEYRING_TOOLS);

let dir: string;
let paths: OagPaths;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'oag-keychain-test-'));
	paths = oagPaths({OAG_CONFIG_DIR: dir});
});
afterAll(async () => rm(dir, {recursive: true, force: true}));

async function failure(promise: Promise<unknown>): Promise<{error: SecretStoreError; ms: number}> {
	const started = Date.now();
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(SecretStoreError);
	return {error: error as SecretStoreError, ms: Date.now() - started};
}

describe.skipIf(skip)('keychain backend with an unlocked gnome-keyring', () => {
	let session: KeyringSession;
	beforeAll(async () => {
		session = await startKeyringSession();
	});
	afterAll(async () => session?.stop());

	it('stores a data key in the keychain and only ciphertext on disk; reads back; deletes both', async () => {
		const io = {env: session.env, paths};
		await writeKeychainKey('gw1', pem, io);

		const lookup = secretTool(session.env, ['lookup', 'service', 'oag-offline', 'username', 'profile:gw1']);
		expect(lookup.status).toBe(0);
		expect(Buffer.from(lookup.stdout.trim(), 'base64')).toHaveLength(32); // the data key, not the PEM
		const envelope = await readFile(envelopePath('gw1', paths), 'utf8');
		expect(envelope).not.toMatch(/PRIVATE KEY/);
		for (const line of bodyLines) expect(envelope).not.toContain(line);

		expect(await readKeychainKey('gw1', io)).toBe(pem);

		expect(await deleteKeychainKey('gw1', io)).toBe(true);
		expect(secretTool(session.env, ['lookup', 'service', 'oag-offline', 'username', 'profile:gw1']).status).not.toBe(0);
		await expect(readKeychainKey('gw1', io)).rejects.toThrow(/run oag-offline login/);
	});

	it('says so when the keychain entry is gone but the envelope file is not', async () => {
		const io = {env: session.env, paths};
		await writeKeychainKey('gw2', pem, io);
		expect(secretTool(session.env, ['clear', 'service', 'oag-offline', 'username', 'profile:gw2']).status).toBe(0);
		const {error} = await failure(readKeychainKey('gw2', io));
		expect(error.message).toMatch(/the keychain has no entry for profile gw2/);
	});
});

describe.skipIf(skip)('keychain unavailable: one line, fast, nothing written', () => {
	it('no D-Bus session at all', async () => {
		const env = {PATH: process.env.PATH, HOME: dir};
		const {error, ms} = await failure(writeKeychainKey('nobus', pem, {env, paths}));
		expect(error.reason).toBe('unavailable');
		expect(error.message).toMatch(/^keychain unavailable: no D-Bus session .*; use --backend encrypted-file/);
		expect(error.message).not.toContain('\n');
		expect(ms).toBeLessThan(1_000);
		await expect(readFile(envelopePath('nobus', paths))).rejects.toThrow(/ENOENT/);
	});

	it('a D-Bus address that nothing listens on', async () => {
		const env = {PATH: process.env.PATH, HOME: dir, DBUS_SESSION_BUS_ADDRESS: `unix:path=${dir}/no-bus-here`};
		const {error, ms} = await failure(writeKeychainKey('deadbus', pem, {env, paths}));
		expect(error.message).toMatch(/^keychain unavailable: the D-Bus session bus is unreachable/);
		expect(ms).toBeLessThan(1_000);
	});

	it('a bus without a Secret Service provider', async () => {
		const session = await startKeyringSession({provider: false});
		try {
			const {error, ms} = await failure(writeKeychainKey('noprovider', pem, {env: session.env, paths}));
			expect(error.message).toMatch(/^keychain unavailable: no Secret Service provider on the D-Bus session/);
			expect(ms).toBeLessThan(1_000);
		} finally {
			await session.stop();
		}
	});
});

const skipDisplay = skip ?? (process.platform === 'linux' ? toolsOrSkip(DISPLAY_TOOLS) : 'Linux only');

describe.skipIf(skipDisplay)('locked keyring with a display (the call would wait for an unlock prompt forever)', () => {
	it('times out, kills the worker, and says why in one line', async () => {
		const session = await startKeyringSession({display: true});
		try {
			await writeKeychainKey('locked', pem, {env: session.env, paths});
			await session.lock();
			const timeoutMs = 1_500;
			const env = {...session.env, OAG_KEYCHAIN_TIMEOUT: String(timeoutMs)};
			const {error, ms} = await failure(readKeychainKey('locked', {env, paths}));
			expect(error.reason).toBe('timeout');
			expect(error.message).toMatch(/^keychain timed out after 1.5 s \(locked/);
			expect(ms).toBeLessThan(timeoutMs + 1_000);
			expect(ms).toBeGreaterThanOrEqual(timeoutMs - 50);
		} finally {
			await session.stop();
		}
	});

	it('an unattended write (login --yes, no terminal) gives up after the read timeout, not the 30 s a prompt may take', async () => {
		const session = await startKeyringSession({display: true});
		try {
			await writeKeychainKey('first', pem, {env: session.env, paths});
			await session.lock();
			const {error, ms} = await failure(writeKeychainKey('second', pem, {env: session.env, paths, unattended: true}));
			expect(error.reason).toBe('timeout');
			expect(ms).toBeLessThan(DEFAULT_READ_TIMEOUT_MS + 1_000);
		} finally {
			await session.stop();
		}
	});
});
