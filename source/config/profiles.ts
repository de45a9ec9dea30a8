import path from 'node:path';
import YAML from 'yaml';
import {z} from 'zod';
import {Scope} from '../api/schemas/scopes.js';
import {oagPaths, profilesFile, type OagPaths} from './paths.js';
import {withFileLock} from './fileLock.js';
import {LocalFileError} from './fsErrors.js';
import {isProfileName, PROFILE_NAME_RULE} from './profileName.js';
import {ensurePrivateDir, readIfExists, writePrivateFile} from './secureFiles.js';

/** Where a profile's key is stored. 'none' after logout: the profile stays, the key is gone. */
export const KeyBackendName = z.enum(['keychain', 'encrypted-file', 'command', 'plaintext', 'none']);
export type KeyBackendName = z.infer<typeof KeyBackendName>;

// Profile names end up in file names and keychain accounts: keep them boring (one rule, profileName.ts).
export const ProfileName = z.string().refine(isProfileName, PROFILE_NAME_RULE);

/** Where the key's files and keychain entry live: the profile name, or name~hex after a re-login. */
export const KeySlot = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}(~[0-9a-f]{4,16})?$/);

export const Profile = z.object({
	host: z.string().min(1),
	clientId: z.string().min(1),
	caFile: z.string().optional(),
	scopes: z.array(Scope).optional(),
	/** Default flags for this profile; flags on the command line win. */
	defaults: z.object({readOnly: z.boolean().optional(), insecure: z.boolean().optional()}).optional(),
	keyBackend: KeyBackendName,
	/** For keyBackend 'command': a shell command that prints the PEM (e.g. `pass show oag/gw1`). */
	keyCommand: z.string().optional(),
	/** SHA-256 of the public key, to show which key a profile uses without touching the secret. */
	keyFingerprint: z.string().optional(),
	/** Absent: the key is stored under the profile's name (the first login). */
	keySlot: KeySlot.optional(),
	authMode: z.enum(['token', 'direct-bearer']).optional(),
	/** Who-may-sign-in-offline era the gateway showed (group-policy PUT 405 = access-policy); re-learned if wrong. */
	policyEra: z.enum(['group-policy', 'access-policy']).optional(),
});
export type Profile = z.infer<typeof Profile>;

export const ProfilesFile = z.object({
	current: z.string().optional(),
	// The names become file names and keychain accounts: a hand-edited name is checked like --profile.
	profiles: z.record(ProfileName, Profile).default({}),
});
export type ProfilesFile = z.infer<typeof ProfilesFile>;

export class ProfilesFileError extends Error {}

/** profiles.yaml is a few KB; a bigger one is not ours (or is an attack on the YAML parser). */
export const MAX_PROFILES_BYTES = 256 * 1024;

export async function loadProfiles(paths: OagPaths = oagPaths()): Promise<ProfilesFile> {
	const file = profilesFile(paths);
	let text: string | undefined;
	try {
		text = await readIfExists(file, {maxBytes: MAX_PROFILES_BYTES});
	} catch (error) {
		if (error instanceof LocalFileError && error.code === 'EFBIG') throw new ProfilesFileError(`${error.message}; fix or delete it`);
		throw error;
	}
	if (text === undefined || text.trim() === '') return {profiles: {}};
	let raw: unknown;
	try {
		raw = YAML.parse(text);
	} catch {
		throw new ProfilesFileError(`${file} is not valid YAML; fix or delete it`);
	}
	// zod drops a `__proto__` key silently; every name is checked here first so that none is lost unseen.
	const rawProfiles = (raw as {profiles?: unknown} | null)?.profiles;
	if (rawProfiles && typeof rawProfiles === 'object') {
		const bad = Object.keys(rawProfiles).find((name) => !isProfileName(name));
		if (bad !== undefined) {
			throw new ProfilesFileError(`${file}: bad profile name ${JSON.stringify(bad)}: ${PROFILE_NAME_RULE}; rename it in the file`);
		}
	}
	const parsed = ProfilesFile.safeParse(raw ?? {});
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		if (issue?.code === 'invalid_key' && issue.path[0] === 'profiles') {
			const name = JSON.stringify(String(issue.path[1] ?? ''));
			throw new ProfilesFileError(
				`${file}: bad profile name ${name}: ${issue.issues[0]?.message ?? 'not allowed'}; rename it in the file`,
			);
		}
		throw new ProfilesFileError(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
	}
	return parsed.data;
}

export async function saveProfiles(data: ProfilesFile, paths: OagPaths = oagPaths()): Promise<void> {
	const checked = ProfilesFile.parse(data);
	const header = '# oag-offline profiles. No secrets here: keys live in the keychain or an encrypted file.\n';
	await writePrivateFile(profilesFile(paths), header + YAML.stringify(checked));
}

/**
 * Read-modify-write of the profiles file under a lock file (profiles.yaml.lock), so that concurrent logins
 * each add their profile instead of the last writer dropping the others'.
 */
export async function updateProfiles(
	change: (data: ProfilesFile) => void,
	paths: OagPaths = oagPaths(),
): Promise<ProfilesFile> {
	const file = profilesFile(paths);
	await ensurePrivateDirFor(file);
	return withFileLock(`${file}.lock`, async () => {
		const data = await loadProfiles(paths);
		change(data);
		await saveProfiles(data, paths);
		return data;
	});
}

const ensurePrivateDirFor = (file: string): Promise<void> => ensurePrivateDir(path.dirname(file));

/**
 * The profile of that name, if the file has one. An own-property lookup: `constructor` or `__proto__` are
 * not profiles unless the file really holds one (and the name rule refuses them).
 */
export function profileNamed(data: ProfilesFile, name: string): Profile | undefined {
	return Object.hasOwn(data.profiles, name) ? data.profiles[name] : undefined;
}

/** The named profile, else the current one; undefined if neither exists. */
export function pickProfile(data: ProfilesFile, name?: string): {name: string; profile: Profile} | undefined {
	const chosen = name ?? data.current;
	if (!chosen) return undefined;
	const profile = profileNamed(data, chosen);
	return profile ? {name: chosen, profile} : undefined;
}
