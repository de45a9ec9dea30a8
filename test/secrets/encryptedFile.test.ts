import {generateKeyPairSync} from 'node:crypto';
import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {oagPaths, type OagPaths} from '../../source/config/paths.js';
import {encryptedKeyPath, readEncryptedKey, writeEncryptedKey} from '../../source/secrets/encryptedFile.js';
import {loadStoredKey, storeKey} from '../../source/secrets/keyStore.js';
import {SecretStoreError} from '../../source/secrets/labels.js';

const pem = generateKeyPairSync('ec', {namedCurve: 'P-256'}).privateKey.export({type: 'pkcs8', format: 'pem'}).toString();
const bodyLines = pem.split('\n').filter((line) => line && !line.startsWith('-----'));

let dir: string;
let paths: OagPaths;
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'oag-enc-test-'));
	paths = oagPaths({OAG_CONFIG_DIR: dir});
});
afterEach(async () => rm(dir, {recursive: true, force: true}));

describe('passphrase-encrypted key file', () => {
	it('round-trips; the file is 0600 and holds no PEM text', async () => {
		await writeEncryptedKey('gw1', pem, 'correct horse battery', paths);
		expect(await readEncryptedKey('gw1', 'correct horse battery', paths)).toBe(pem);
		const file = encryptedKeyPath('gw1', paths);
		expect((await stat(file)).mode & 0o777).toBe(0o600);
		const text = await readFile(file, 'utf8');
		expect(text).not.toMatch(/PRIVATE KEY/);
		for (const line of bodyLines) expect(text).not.toContain(line);
		expect(JSON.parse(text)).toMatchObject({kdf: {name: 'scrypt', N: 32768}, box: {alg: 'A256GCM'}});
	});

	it('refuses a wrong passphrase', async () => {
		await writeEncryptedKey('gw1', pem, 'correct horse battery', paths);
		const error = await readEncryptedKey('gw1', 'wrong horse', paths).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(SecretStoreError);
		expect((error as SecretStoreError).message).toBe('wrong passphrase for the key of profile gw1');
	});

	it('does not decrypt as another profile (the profile name is bound in)', async () => {
		await writeEncryptedKey('gw1', pem, 'pw-123456', paths);
		await writeFile(encryptedKeyPath('gw2', paths), await readFile(encryptedKeyPath('gw1', paths)), {mode: 0o600});
		await expect(readEncryptedKey('gw2', 'pw-123456', paths)).rejects.toThrow(/wrong passphrase/);
	});

	it('refuses a tampered file', async () => {
		await writeEncryptedKey('gw1', pem, 'pw-123456', paths);
		const file = encryptedKeyPath('gw1', paths);
		const parsed = JSON.parse(await readFile(file, 'utf8'));
		const bytes = Buffer.from(parsed.box.ciphertext, 'base64');
		bytes[10]! ^= 1;
		parsed.box.ciphertext = bytes.toString('base64');
		await writeFile(file, JSON.stringify(parsed));
		await expect(readEncryptedKey('gw1', 'pw-123456', paths)).rejects.toThrow(SecretStoreError);
	});

	it('goes through the key store with a passphrase provider', async () => {
		const passphrase = async () => 'via provider 1';
		await storeKey('gw1', 'encrypted-file', pem, {paths, passphrase});
		const profile = {host: 'h', clientId: 'c', keyBackend: 'encrypted-file' as const};
		expect(await loadStoredKey('gw1', profile, {paths, passphrase})).toBe(pem);
	});

	it('says what is missing when there is no file', async () => {
		await expect(readEncryptedKey('nope', 'x', paths)).rejects.toThrow(/no encrypted key file for profile nope: run oag-offline login/);
	});
});
