import {DirectoryConfig} from '../api/schemas/directories.js';
import {checkLdapDirectory} from '../checks/ldap/preflight.js';
import type {LdapCheckOptions, LdapCheckReport} from '../checks/ldap/types.js';
import type {DirectorySnapshot} from './directories.js';

// The local pre-flight of a directory as the gateway holds it (or as a form is about to send it), with
// the bind credential the admin supplies: the gateway never returns it. Not a change, so no audit line;
// it sits here because the TUI and the commands reach checks only through operations (design section 2).

export type {LdapCheckOptions, LdapCheckReport} from '../checks/ldap/types.js';

export async function preflightDirectory(
	directory: DirectorySnapshot,
	bindCredential: string,
	options: LdapCheckOptions = {},
): Promise<LdapCheckReport | {incomplete: string[]}> {
	const config = DirectoryConfig.safeParse(directory.config);
	if (!config.success) {
		return {incomplete: [...new Set(config.error.issues.map(issue => `config.${issue.path.join('.')}`))]};
	}
	return checkLdapDirectory({...directory.connection, bindCredential, config: config.data}, options);
}
