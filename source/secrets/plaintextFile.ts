import path from 'node:path';
import {oagPaths, type OagPaths} from '../config/paths.js';
import {removeIfExists, writePrivateFile} from '../config/secureFiles.js';
import {readKeyFile} from './keyFiles.js';
import {profileOfSlot, SecretStoreError} from './labels.js';

// Backend 5, only with --insecure-storage: the PEM as is, 0600. Every run that uses it shows a warning.

export const plaintextKeyPath = (profile: string, paths: OagPaths = oagPaths()): string =>
	path.join(paths.keys, `${profile}.INSECURE.pem`);

export const PLAINTEXT_WARNING =
	'WARNING: the private key is stored UNENCRYPTED on disk (--insecure-storage); run login again with the keychain or an encrypted file';

export const writePlaintextKey = (profile: string, pem: string, paths?: OagPaths): Promise<void> =>
	writePrivateFile(plaintextKeyPath(profile, paths), pem);

export async function readPlaintextKey(profile: string, paths?: OagPaths): Promise<string> {
	const pem = await readKeyFile(plaintextKeyPath(profile, paths));
	if (pem === undefined) throw new SecretStoreError(`no key file for profile ${profileOfSlot(profile)}: run oag-offline login`, 'missing');
	return pem;
}

export const deletePlaintextKey = (profile: string, paths?: OagPaths): Promise<boolean> =>
	removeIfExists(plaintextKeyPath(profile, paths));
