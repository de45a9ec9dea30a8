import path from 'node:path';
import {z} from 'zod';
import {oagPaths, type OagPaths} from '../config/paths.js';
import {removeIfExists, writePrivateFile} from '../config/secureFiles.js';
import {readKeyFile} from './keyFiles.js';
import {profileOfSlot, SecretStoreError} from './labels.js';
import {canPrompt, promptHidden} from './prompt.js';
import {deriveKey, newScryptParams, open, seal, SealedBox, ScryptParams} from './sealedBox.js';

// Backend 4: the PEM encrypted with a key derived from a passphrase (scrypt + AES-256-GCM), in a 0600 file.

const EncryptedKeyFile = z.object({
	format: z.literal('oag-offline-encrypted-key'),
	version: z.literal(1),
	kdf: ScryptParams,
	box: SealedBox,
});

export const encryptedKeyPath = (profile: string, paths: OagPaths = oagPaths()): string =>
	path.join(paths.keys, `${profile}.key.enc.json`);

const additionalData = (profile: string): string => `oag-offline encrypted-file ${profile}`;

/** The shortest passphrase accepted for a new key file, from the prompt and from OAG_KEY_PASSPHRASE alike. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** OAG_KEY_PASSPHRASE, else a hidden prompt (twice when choosing a new one). */
export async function obtainPassphrase(purpose: 'new' | 'unlock', profile: string): Promise<string> {
	const fromEnv = process.env.OAG_KEY_PASSPHRASE;
	if (fromEnv) {
		if (purpose === 'new' && [...fromEnv].length < MIN_PASSPHRASE_LENGTH) {
			throw new SecretStoreError(`OAG_KEY_PASSPHRASE is too short for a new key file: use at least ${MIN_PASSPHRASE_LENGTH} characters`, 'invalid');
		}
		return fromEnv;
	}
	if (!canPrompt()) {
		throw new SecretStoreError(
			`the key of profile ${profile} is passphrase-encrypted: set OAG_KEY_PASSPHRASE or run in a terminal`,
			'unavailable',
		);
	}
	const first = await promptHidden(purpose === 'new' ? 'New passphrase for the key file: ' : `Passphrase for profile ${profile}: `);
	if (purpose === 'unlock') return first;
	if ([...first].length < MIN_PASSPHRASE_LENGTH) throw new SecretStoreError(`the passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`, 'invalid');
	const second = await promptHidden('Repeat the passphrase: ');
	if (first !== second) throw new SecretStoreError('the two passphrases differ', 'invalid');
	return first;
}

export async function writeEncryptedKey(profile: string, pem: string, passphrase: string, paths?: OagPaths): Promise<void> {
	const kdf = newScryptParams();
	const key = await deriveKey(passphrase, kdf);
	const file = {format: 'oag-offline-encrypted-key', version: 1, kdf, box: seal(key, pem, additionalData(profile))};
	await writePrivateFile(encryptedKeyPath(profile, paths), JSON.stringify(file, null, '\t') + '\n');
}

export async function readEncryptedKey(profile: string, passphrase: string, paths?: OagPaths): Promise<string> {
	const file = encryptedKeyPath(profile, paths);
	const text = await readKeyFile(file);
	if (text === undefined) throw new SecretStoreError(`no encrypted key file for profile ${profileOfSlot(profile)}: run oag-offline login`, 'missing');
	let parsed;
	try {
		parsed = EncryptedKeyFile.parse(JSON.parse(text));
	} catch {
		throw new SecretStoreError(`${file} is damaged: run oag-offline login again`, 'invalid');
	}
	const key = await deriveKey(passphrase, parsed.kdf, file);
	return open(key, parsed.box, additionalData(profile), `wrong passphrase for the key of profile ${profileOfSlot(profile)}`);
}

export const deleteEncryptedKey = (profile: string, paths?: OagPaths): Promise<boolean> =>
	removeIfExists(encryptedKeyPath(profile, paths));
