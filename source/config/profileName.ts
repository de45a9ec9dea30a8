// The one rule for profile names and the one way to derive a name from a host. Names become file names and
// keychain accounts, so they stay boring; login, Setup and profiles.yaml all check with this rule.

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const PROFILE_NAME_RULE = 'use letters, digits, ".", "_" or "-" (at most 64, starting with a letter or digit)';

/**
 * True for an acceptable name. Names that an object already has (`constructor`, `__proto__`, `toString`...)
 * are refused: profiles live in a plain record, and such a name would shadow or poison its prototype.
 */
export function isProfileName(name: string): boolean {
	return PROFILE_NAME.test(name) && !RESERVED.has(name);
}

const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** `gw1.example.com:8443` -> `gw1.example.com-8443`: a readable default profile name. */
export function profileFromHost(host: string): string {
	const bare = host.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
	const name = bare.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 64);
	return isProfileName(name) ? name : 'default';
}
