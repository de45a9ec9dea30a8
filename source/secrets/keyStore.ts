import type {OagPaths} from '../config/paths.js';
import type {KeyBackendName, Profile} from '../config/profiles.js';
import {deleteEncryptedKey, obtainPassphrase, readEncryptedKey, writeEncryptedKey} from './encryptedFile.js';
import {deleteKeychainKey, readKeychainKey, writeKeychainKey} from './keychainBackend.js';
import {runKeyCommand} from './keyCommand.js';
import {slotOf} from './keySlot.js';
import {profileOfSlot, SecretStoreError} from './labels.js';
import {checkPrivateKeyPem} from './pem.js';
import {deletePlaintextKey, readPlaintextKey, writePlaintextKey} from './plaintextFile.js';

// One door to the stored key of a profile, whatever backend holds it (design section 5).

export type StorageBackend = Exclude<KeyBackendName, 'none'>;

export type SecretIo = {
	env?: NodeJS.ProcessEnv;
	paths?: OagPaths;
	/** Told when a keychain call takes long (an unlock prompt may be waiting). */
	onWaiting?: () => void;
	/** Nobody can answer an unlock prompt (--yes, no terminal): a keychain write waits only the read timeout. */
	unattended?: boolean;
	/** For 'encrypted-file'; default OAG_KEY_PASSPHRASE or a hidden prompt. */
	passphrase?: (purpose: 'new' | 'unlock', profile: string) => Promise<string>;
};

/** Writes the key into a slot (the profile name, or a fresh slot from keySlot.ts). */
export async function storeKey(
	slot: string,
	backend: StorageBackend,
	pem: string,
	io: SecretIo = {},
): Promise<void> {
	switch (backend) {
		case 'keychain':
			return writeKeychainKey(slot, pem, io);
		case 'encrypted-file': {
			const passphrase = await (io.passphrase ?? obtainPassphrase)('new', profileOfSlot(slot));
			return writeEncryptedKey(slot, pem, passphrase, io.paths);
		}
		case 'plaintext':
			return writePlaintextKey(slot, pem, io.paths);
		case 'command':
			return; // the command's own store holds the key; nothing to write here
	}
}

/** The PEM of a profile's key, checked to be a usable PKCS#8 key. */
export async function loadStoredKey(profileName: string, profile: Profile, io: SecretIo = {}): Promise<string> {
	const pem = await readRaw(profileName, profile, io);
	return checkPrivateKeyPem(pem).pem;
}

async function readRaw(profileName: string, profile: Profile, io: SecretIo): Promise<string> {
	const slot = slotOf(profileName, profile);
	switch (profile.keyBackend) {
		case 'keychain':
			return readKeychainKey(slot, io);
		case 'encrypted-file': {
			const passphrase = await (io.passphrase ?? obtainPassphrase)('unlock', profileName);
			return readEncryptedKey(slot, passphrase, io.paths);
		}
		case 'plaintext':
			return readPlaintextKey(slot, io.paths);
		case 'command':
			if (!profile.keyCommand) throw new SecretStoreError(`profile ${profileName} has no keyCommand`, 'missing');
			return runKeyCommand(profile.keyCommand);
		case 'none':
			throw new SecretStoreError(`profile ${profileName} has no stored key (logged out): run oag-offline login --profile ${profileName}`, 'missing');
	}
}

/**
 * Deletes what this program stored for the profile, except the backend in `keep` (a re-login that switched
 * backends). The keychain is asked only when the profile uses it, so a headless host does not wait for a
 * keychain it never had; stray files of other backends are removed.
 */
export async function deleteStoredKey(
	profileName: string,
	profile: Profile | undefined,
	io: SecretIo = {},
	keep?: StorageBackend,
): Promise<boolean> {
	return deleteSlot(slotOf(profileName, profile), profile?.keyBackend === 'keychain', io, keep);
}

/** Deletes the files of a slot, and its keychain entry when `keychain` (only then is the keychain asked). */
export async function deleteSlot(slot: string, keychain: boolean, io: SecretIo = {}, keep?: StorageBackend): Promise<boolean> {
	let deleted = false;
	if (keychain && keep !== 'keychain') deleted = (await deleteKeychainKey(slot, io)) || deleted;
	if (keep !== 'encrypted-file') deleted = (await deleteEncryptedKey(slot, io.paths)) || deleted;
	if (keep !== 'plaintext') deleted = (await deletePlaintextKey(slot, io.paths)) || deleted;
	return deleted;
}
