import {randomBytes} from 'node:crypto';
import path from 'node:path';
import {z} from 'zod';
import {oagPaths, type OagPaths} from '../config/paths.js';
import {removeIfExists, writePrivateFile} from '../config/secureFiles.js';
import {readKeyFile} from './keyFiles.js';
import {callKeychain, keychainTimeoutMs} from './keychainProcess.js';
import {profileOfSlot, SecretStoreError} from './labels.js';
import {open, seal, SealedBox} from './sealedBox.js';

// Backend 3, envelope encryption: a random 32-byte data key lives in the OS keychain, the PEM encrypted
// with it lives in a 0600 file. Keychain size limits stop mattering, and neither half alone is the key.

export const KEYCHAIN_SERVICE = 'oag-offline';
export const keychainAccount = (profile: string): string => `profile:${profile}`;

const EnvelopeFile = z.object({
	format: z.literal('oag-offline-envelope'),
	version: z.literal(1),
	keychain: z.object({service: z.string(), account: z.string()}),
	box: SealedBox,
});

export const envelopePath = (profile: string, paths: OagPaths = oagPaths()): string =>
	path.join(paths.keys, `${profile}.envelope.json`);

const additionalData = (profile: string): string => `oag-offline keychain-envelope ${profile}`;

export type KeychainIo = {
	env?: NodeJS.ProcessEnv;
	paths?: OagPaths;
	onWaiting?: () => void;
	/** No one can unlock the keyring (--yes, no terminal): writes wait the short read timeout, not 30 s. */
	unattended?: boolean;
};

/** A write may wait for the admin to unlock the keyring; unattended, nobody will. */
const writeTimeoutMs = (io: KeychainIo): number => keychainTimeoutMs(io.unattended ? 'read' : 'write', io.env);

export async function writeKeychainKey(profile: string, pem: string, io: KeychainIo = {}): Promise<void> {
	const dataKey = randomBytes(32);
	const account = keychainAccount(profile);
	// The keychain first: when it is unavailable nothing is written to disk.
	await callKeychain(
		{op: 'set', service: KEYCHAIN_SERVICE, account, secret: dataKey.toString('base64')},
		{timeoutMs: writeTimeoutMs(io), env: io.env, onWaiting: io.onWaiting},
	);
	const file = {format: 'oag-offline-envelope', version: 1, keychain: {service: KEYCHAIN_SERVICE, account}, box: seal(dataKey, pem, additionalData(profile))};
	try {
		await writePrivateFile(envelopePath(profile, io.paths), JSON.stringify(file, null, '\t') + '\n');
	} catch (error) {
		// No half-stored key: a data key without its envelope decrypts nothing and would linger in the keychain.
		await callKeychain({op: 'delete', service: KEYCHAIN_SERVICE, account}, {timeoutMs: writeTimeoutMs(io), env: io.env}).catch(() => undefined);
		throw error;
	}
}

export async function readKeychainKey(profile: string, io: KeychainIo = {}): Promise<string> {
	const file = envelopePath(profile, io.paths);
	const text = await readKeyFile(file);
	if (text === undefined) throw new SecretStoreError(`no stored key for profile ${profileOfSlot(profile)} (${file} missing): run oag-offline login`, 'missing');
	let envelope;
	try {
		envelope = EnvelopeFile.parse(JSON.parse(text));
	} catch {
		throw new SecretStoreError(`${file} is damaged: run oag-offline login again`, 'invalid');
	}
	const reply = await callKeychain(
		{op: 'get', ...envelope.keychain},
		{timeoutMs: keychainTimeoutMs('read', io.env), env: io.env, onWaiting: io.onWaiting},
	);
	if (!reply.secret) {
		throw new SecretStoreError(`the keychain has no entry for profile ${profileOfSlot(profile)} (deleted, or another keychain?): run oag-offline login`, 'missing');
	}
	const dataKey = Buffer.from(reply.secret, 'base64');
	return open(dataKey, envelope.box, additionalData(profile), `the keychain entry does not match ${file}: run oag-offline login again`);
}

/**
 * Deletes both halves, the file first: without it the data key left in an unreachable keychain decrypts nothing.
 * Returns whether anything was there.
 */
export async function deleteKeychainKey(profile: string, io: KeychainIo = {}): Promise<boolean> {
	const removedFile = await removeIfExists(envelopePath(profile, io.paths));
	const reply = await callKeychain(
		{op: 'delete', service: KEYCHAIN_SERVICE, account: keychainAccount(profile)},
		{timeoutMs: keychainTimeoutMs('write', io.env), env: io.env, onWaiting: io.onWaiting},
	);
	return Boolean(reply.deleted) || removedFile;
}
