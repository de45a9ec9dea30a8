import {LocalFileError} from '../config/fsErrors.js';
import {loadProfiles, profileNamed, updateProfiles, type Profile} from '../config/profiles.js';
import {deleteSlot, type StorageBackend} from '../secrets/keyStore.js';
import {freshSlot, slotOf, sweepOrphanSlots} from '../secrets/keySlot.js';
import {CommandFailure, EXIT} from './run.js';

// The storage order of login, re-login and backend switches (issue: local writes are transactional):
//   1. the new key goes into a fresh slot (new files, new keychain entry); the old slot is not touched;
//   2. the profile is switched to it in one atomic write of profiles.yaml, under the profiles lock;
//   3. only then is the old slot removed (every backend's files there, so a move off plaintext leaves no
//      plaintext copy behind).
// A failure in 1 or 2 removes what 1 wrote and leaves the previous profile and key as they were; a failure
// in 3 is a warning naming what is left. A login killed between 1 and 2 leaves a slot no profile uses; the
// next login of that profile removes it once it is old enough not to be another login's work in progress.

export type LoginCommit = {
	profileName: string;
	/** Writes the key into the given slot; resolves with the backend used. Failures leave the slot empty. */
	storeIn: (slot: string) => Promise<StorageBackend>;
	/** The profile to save, built from the one in the file at the moment of the switch. */
	build: (previous: Profile | undefined, used: StorageBackend, slot: string) => Profile;
	warn: (line: string) => void;
};

export async function commitLogin(commit: LoginCommit): Promise<{used: StorageBackend; profile: Profile}> {
	const {profileName} = commit;
	const slot = await freshSlot(profileName, profileNamed(await loadProfiles(), profileName));
	const used = await commit.storeIn(slot);

	let previous: Profile | undefined;
	let saved: Profile | undefined;
	try {
		await updateProfiles((data) => {
			previous = profileNamed(data, profileName);
			saved = commit.build(previous, used, slot);
			data.profiles[profileName] = saved;
			data.current = profileName;
		});
	} catch (error) {
		await deleteSlot(slot, used === 'keychain').catch(() => undefined);
		throw new CommandFailure(`cannot save the profile: ${oneLine(error)}; nothing changed (the new key was removed)`, EXIT.failure);
	}

	if (previous && previous.keyBackend !== 'none') {
		const oldSlot = slotOf(profileName, previous);
		if (oldSlot !== slot) {
			await deleteSlot(oldSlot, previous.keyBackend === 'keychain').catch((error: unknown) => {
				commit.warn(`warning: the new key is in use, but the previous copy could not be removed: ${oneLine(error)}`);
			});
		}
	}
	// Leftovers of logins killed between their key write and their switch (only old ones: see keySlot.ts).
	await sweepOrphanSlots(profileName, slot).catch(() => undefined);
	return {used, profile: saved!};
}

const oneLine = (error: unknown): string =>
	error instanceof LocalFileError || error instanceof Error ? error.message.replace(/\s+/g, ' ') : 'failed';
