import type {DirectoryCreateRequest, DirectoryReplaceRequest} from '../api/schemas/directories.js';
import type {FieldError} from './fieldError.js';
import * as v from './validators.js';

// What a directory body must satisfy before it is sent (the same rules the simulator enforces), keyed by
// the API's field paths so a form or a command can point at the field. The credential is checked only
// for being there: a replace without it keeps the stored one.

/** The directory's plain-text config fields (all required); the simulator checks the same list. */
export const CONFIG_TEXT_FIELDS = [
	'usernameLDAPAttribute',
	'uniqueIdAttribute',
	'groupNameLDAPAttribute',
	'memberAttribute',
	'memberUserAttribute',
	'rdnLdapAttribute',
] as const;

export function validateDirectory(body: DirectoryCreateRequest | DirectoryReplaceRequest, credentialRequired: boolean): FieldError[] {
	const {connection, config} = body;
	const checks: Array<[string, string | undefined]> = [
		['connection.connectionUrl', v.ldapUrl(connection.connectionUrl)],
		['connection.bindDn', v.distinguishedName(connection.bindDn)],
		['connection.bindCredential', credentialRequired || connection.bindCredential !== undefined ? v.required(connection.bindCredential ?? '') : undefined],
		['config.userSearchDn', v.distinguishedName(config.userSearchDn)],
		['config.groupSearchDn', v.distinguishedName(config.groupSearchDn)],
		['config.userObjectFilter', v.ldapFilter(config.userObjectFilter)],
		['config.userObjectClasses', v.nonEmptyList(config.userObjectClasses)],
		['config.groupObjectClasses', v.nonEmptyList(config.groupObjectClasses)],
		...CONFIG_TEXT_FIELDS.map((field): [string, string | undefined] => [`config.${field}`, v.required(config[field])]),
	];
	return v.collect(checks);
}
