import {randomBytes} from 'node:crypto';
import {stat} from 'node:fs/promises';
import type {OagPaths} from '../config/paths.js';
import type {Profile} from '../config/profiles.js';
import {encryptedKeyPath} from './encryptedFile.js';
import {envelopePath} from './keychainBackend.js';
import {plaintextKeyPath} from './plaintextFile.js';

// A key slot is where one stored copy of a key lives: its file names and its keychain account. A re-login
// writes the new key into a fresh slot and switches the profile to it only when it is complete, so that a
// failure at any step leaves the previous key (in its own slot) untouched.

/** The slot that holds a profile's key. Profiles from before slots keep theirs under the profile name. */
export const slotOf = (profileName: string, profile?: Pick<Profile, 'keySlot'>): string => profile?.keySlot ?? profileName;

export {profileOfSlot} from './labels.js';

/**
 * A slot for a new key: the profile's own name when nothing is stored there (a first login), else the name
 * with a random suffix, never one in use.
 */
export async function freshSlot(profileName: string, previous: Profile | undefined, paths?: OagPaths): Promise<string> {
	if (!previous && !(await anyFileOf(profileName, paths))) return profileName;
	for (;;) {
		const slot = `${profileName}~${randomBytes(4).toString('hex')}`;
		if (slot !== previous?.keySlot && !(await anyFileOf(slot, paths))) return slot;
	}
}

async function anyFileOf(slot: string, paths?: OagPaths): Promise<boolean> {
	const files = [encryptedKeyPath(slot, paths), envelopePath(slot, paths), plaintextKeyPath(slot, paths)];
	const found = await Promise.all(files.map((file) => stat(file).then(() => true, () => false)));
	return found.includes(true);
}
