import YAML from 'yaml';
import {z} from 'zod';
import {Scope} from '../api/schemas/scopes.js';
import {oagPaths, profilesFile, type OagPaths} from './paths.js';
import {readIfExists, writePrivateFile} from './secureFiles.js';

/** Where a profile's key is stored. 'none' after logout: the profile stays, the key is gone. */
export const KeyBackendName = z.enum(['keychain', 'encrypted-file', 'command', 'plaintext', 'none']);
export type KeyBackendName = z.infer<typeof KeyBackendName>;

// Profile names end up in file names and keychain accounts: keep them boring.
export const ProfileName = z
	.string()
	.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'use letters, digits, ".", "_" or "-" (at most 64)');

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

export async function loadProfiles(paths: OagPaths = oagPaths()): Promise<ProfilesFile> {
	const file = profilesFile(paths);
	const text = await readIfExists(file);
	if (text === undefined || text.trim() === '') return {profiles: {}};
	let raw: unknown;
	try {
		raw = YAML.parse(text);
	} catch {
		throw new ProfilesFileError(`${file} is not valid YAML; fix or delete it`);
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

/** Read-modify-write of the profiles file. Last writer wins; profiles change rarely and by hand. */
export async function updateProfiles(
	change: (data: ProfilesFile) => void,
	paths: OagPaths = oagPaths(),
): Promise<ProfilesFile> {
	const data = await loadProfiles(paths);
	change(data);
	await saveProfiles(data, paths);
	return data;
}

/** The named profile, else the current one; undefined if neither exists. */
export function pickProfile(data: ProfilesFile, name?: string): {name: string; profile: Profile} | undefined {
	const chosen = name ?? data.current;
	if (!chosen) return undefined;
	const profile = data.profiles[chosen];
	return profile ? {name: chosen, profile} : undefined;
}
