import {randomBytes} from 'node:crypto';
import {readdir, rm, stat} from 'node:fs/promises';
import path from 'node:path';
import {oagPaths, type OagPaths} from '../config/paths.js';
import type {Profile} from '../config/profiles.js';
import {encryptedKeyPath} from './encryptedFile.js';
import {envelopePath} from './keychainBackend.js';
import {plaintextKeyPath} from './plaintextFile.js';

// A key slot is where one stored copy of a key lives: its file names and its keychain account. A re-login
// writes the new key into a fresh slot and switches the profile to it only when it is complete, so that a
// failure at any step leaves the previous key (in its own slot) untouched.

/** The slot that holds a profile's key. Profiles from before slots keep theirs under the profile name. */
export const slotOf = (profileName: string, profile?: Pick<Profile, 'keySlot'>): string => profile?.keySlot ?? profileName;

import {profileOfSlot} from './labels.js';

export {profileOfSlot};

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

/** Files a crash left are removed only when this old: a concurrent login may be writing a slot right now. */
export const ORPHAN_MIN_AGE_MS = 10 * 60_000;

const SLOT_FILE = /^(.+?)\.(key\.enc\.json|envelope\.json|INSECURE\.pem)(\.[0-9a-f]+\.tmp)?$/;

/**
 * Removes key files of this profile that no profile uses: slots a killed login wrote but never switched to,
 * and temp files of interrupted writes. Returns the removed paths. Keychain entries of such slots are left:
 * without their envelope file they decrypt nothing.
 */
export async function sweepOrphanSlots(
	profileName: string,
	inUse: string | undefined,
	paths: OagPaths = oagPaths(),
	minAgeMs = ORPHAN_MIN_AGE_MS,
	now = Date.now(),
): Promise<string[]> {
	const names = await readdir(paths.keys).catch(() => [] as string[]);
	const removed: string[] = [];
	for (const name of names) {
		const match = SLOT_FILE.exec(name);
		const slot = match?.[1];
		if (!slot || profileOfSlot(slot) !== profileName || (slot === inUse && !match[3])) continue;
		const file = path.join(paths.keys, name);
		const info = await stat(file).catch(() => undefined);
		if (!info?.isFile() || now - info.mtimeMs < minAgeMs) continue;
		if (await rm(file).then(() => true, () => false)) removed.push(file);
	}
	return removed;
}
