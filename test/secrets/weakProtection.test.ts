import {spawnSync} from 'node:child_process';
import {generateKeyPairSync} from 'node:crypto';
import {chmod, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {oagPaths, type OagPaths} from '../../source/config/paths.js';
import {encryptedKeyPath, obtainPassphrase, readEncryptedKey, writeEncryptedKey} from '../../source/secrets/encryptedFile.js';
import {SecretStoreError} from '../../source/secrets/labels.js';
import {checkPrivateKeyPem} from '../../source/secrets/pem.js';
import {plaintextKeyPath, readPlaintextKey, writePlaintextKey} from '../../source/secrets/plaintextFile.js';
import {missingTools} from '../helpers/tools.js';

// Weak protection is refused with the reason, never used silently.

const rsa2048 = generateKeyPairSync('rsa', {modulusLength: 2048}).privateKey.export({type: 'pkcs8', format: 'pem'}).toString();
const rsa1024 = generateKeyPairSync('rsa', {modulusLength: 1024}).privateKey.export({type: 'pkcs8', format: 'pem'}).toString();
const ec = generateKeyPairSync('ec', {namedCurve: 'P-256'}).privateKey.export({type: 'pkcs8', format: 'pem'}).toString();

let dir: string;
let paths: OagPaths;
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'oag-weak-'));
	paths = oagPaths({OAG_CONFIG_DIR: dir});
});
afterEach(async () => rm(dir, {recursive: true, force: true}));

const failure = async (work: () => unknown): Promise<Error> => {
	try {
		await work();
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a failure');
};

describe('the key check', () => {
	it('refuses RSA under 2048 bits with the size', async () => {
		const error = await failure(() => checkPrivateKeyPem(rsa1024));
		expect(error).toBeInstanceOf(SecretStoreError);
		expect(error.message).toBe('this RSA key has 1024 bits; at least 2048 are required');
		expect(checkPrivateKeyPem(rsa2048).type).toBe('RSA');
	});

	it('refuses a file with two private keys', async () => {
		expect((await failure(() => checkPrivateKeyPem(rsa2048 + ec))).message).toBe(
			"this holds 2 private keys; give a file with only the API client's key",
		);
	});

	it.skipIf(missingTools(['openssl']).length > 0)('accepts a PEM with the "Bag Attributes" preamble openssl pkcs12 writes', async () => {
		const key = path.join(dir, 'key.pem');
		const cert = path.join(dir, 'cert.pem');
		const p12 = path.join(dir, 'bundle.p12');
		await writeFile(key, rsa2048, {mode: 0o600});
		const run = (args: string[]) => {
			const result = spawnSync('openssl', args, {encoding: 'utf8'});
			if (result.status !== 0) throw new Error(result.stderr);
			return result.stdout;
		};
		run(['req', '-x509', '-new', '-key', key, '-subj', '/CN=oag-test', '-days', '1', '-out', cert]);
		run(['pkcs12', '-export', '-inkey', key, '-in', cert, '-passout', 'pass:x', '-out', p12]);
		const exported = run(['pkcs12', '-in', p12, '-nocerts', '-nodes', '-passin', 'pass:x']);
		expect(exported).toMatch(/^Bag Attributes/);
		const checked = checkPrivateKeyPem(exported);
		expect(checked.type).toBe('RSA');
		expect(checked.pem.startsWith('-----BEGIN PRIVATE KEY-----')).toBe(true);
		expect(checked.fingerprint).toBe(checkPrivateKeyPem(rsa2048).fingerprint);
	});

	it('does not drop other text before the block', async () => {
		expect((await failure(() => checkPrivateKeyPem(`some note\n${rsa2048}`))).message).toMatch(/not a PEM private key/);
	});
});

describe('stored key files', () => {
	it('a plaintext key readable by group or others is refused, with the chmod to run', async () => {
		await writePlaintextKey('gw1', rsa2048, paths);
		expect(await readPlaintextKey('gw1', paths)).toBe(rsa2048);
		const file = plaintextKeyPath('gw1', paths);
		await chmod(file, 0o644);
		const error = await failure(() => readPlaintextKey('gw1', paths));
		expect(error).toBeInstanceOf(SecretStoreError);
		expect(error.message).toBe(`cannot read ${file}: it is readable by group or others (mode 0644); run chmod 600 ${file}`);
		await chmod(file, 0o640);
		expect((await failure(() => readPlaintextKey('gw1', paths))).message).toMatch(/mode 0640/);
	});

	it('an encrypted key file readable by others is refused too', async () => {
		await writeEncryptedKey('gw1', rsa2048, 'long enough 1', paths);
		await chmod(encryptedKeyPath('gw1', paths), 0o604);
		expect((await failure(() => readEncryptedKey('gw1', 'long enough 1', paths))).message).toMatch(/readable by group or others \(mode 0604\)/);
	});

	it('a key file over the size limit is refused with its path', async () => {
		const file = plaintextKeyPath('big', paths);
		await writePlaintextKey('big', 'x'.repeat(65 * 1024), paths);
		expect((await failure(() => readPlaintextKey('big', paths))).message).toBe(
			`cannot read ${file}: it is ${65 * 1024} bytes, over the limit of ${64 * 1024} (not a file this program wrote)`,
		);
	});

	it('tampered scrypt parameters answer "damaged" at once, never a gigabyte or a RangeError', async () => {
		await writeEncryptedKey('gw1', rsa2048, 'long enough 1', paths);
		const file = encryptedKeyPath('gw1', paths);
		const original = JSON.parse(await readFile(file, 'utf8'));
		const tampered = [{N: 2 ** 30}, {N: 2 ** 20}, {r: 1_000_000}, {p: 1_000_000}, {N: 3 * 2 ** 15}, {N: 2 ** 17, r: 16}, {salt: ''}, {N: 1e300}];
		for (const change of tampered) {
			await writeFile(file, JSON.stringify({...original, kdf: {...original.kdf, ...change}}), {mode: 0o600});
			const error = await failure(() => readEncryptedKey('gw1', 'long enough 1', paths));
			expect(error, JSON.stringify(change)).toBeInstanceOf(SecretStoreError);
			expect(error.message).toBe(`${file} is damaged: run oag-offline login again`);
		}
	});
});

describe('passphrases', () => {
	const saved = process.env.OAG_KEY_PASSPHRASE;
	afterEach(() => {
		if (saved === undefined) delete process.env.OAG_KEY_PASSPHRASE;
		else process.env.OAG_KEY_PASSPHRASE = saved;
	});

	it('an env passphrase under the minimum is refused for a new key file, accepted to unlock an old one', async () => {
		process.env.OAG_KEY_PASSPHRASE = 'short7!';
		const error = await failure(() => obtainPassphrase('new', 'gw1'));
		expect(error.message).toBe('OAG_KEY_PASSPHRASE is too short for a new key file: use at least 8 characters');
		expect(await obtainPassphrase('unlock', 'gw1')).toBe('short7!');
		process.env.OAG_KEY_PASSPHRASE = 'éééééééé'; // 8 characters, 16 bytes
		expect(await obtainPassphrase('new', 'gw1')).toBe('éééééééé');
	});
});
