// What a child process we start (the admin's key command, the keychain worker) may see of our environment.
// The passphrase of the encrypted key file and the path of a plaintext key file are ours alone: a password
// manager's CLI or the keychain helper has no use for them, and a child may log or leak its environment.

/** Variables that name or unlock a copy of the private key. */
export const KEY_SECRET_VARIABLES = ['OAG_KEY_PASSPHRASE', 'OAG_PRIVATE_KEY_FILE'] as const;

/** A copy of `env` without the key's passphrase and key file path. */
export function childEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	const copy: NodeJS.ProcessEnv = {...env};
	for (const name of KEY_SECRET_VARIABLES) delete copy[name];
	return copy;
}
