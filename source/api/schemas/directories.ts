import {z} from 'zod';
import {Id} from './common.js';

export const DIRECTORY_TYPES = ['OPEN_LDAP', 'ACTIVE_DIRECTORY'] as const;
export const DirectoryType = z.enum(DIRECTORY_TYPES);
export type DirectoryType = z.infer<typeof DirectoryType>;

const connectionShape = {
	connectionUrl: z.string(),
	bindDn: z.string(),
};
const configShape = {
	usernameLDAPAttribute: z.string(),
	uniqueIdAttribute: z.string(),
	userSearchDn: z.string(),
	userObjectClasses: z.array(z.string()),
	userObjectFilter: z.string(),
	groupNameLDAPAttribute: z.string(),
	groupSearchDn: z.string(),
	groupObjectClasses: z.array(z.string()),
	memberAttribute: z.string(),
	memberUserAttribute: z.string(),
	rdnLdapAttribute: z.string(),
};

export const DirectoryConfig = z.strictObject(configShape);
export type DirectoryConfig = z.infer<typeof DirectoryConfig>;

/** As returned: bindCredential is write-only and never comes back. */
export const Directory = z.looseObject({
	id: Id,
	type: z.string(),
	// bindCredential is dropped even if a gateway echoes it: it must never reach the store or a screen.
	connection: z.looseObject(connectionShape).transform(({bindCredential: _bindCredential, ...connection}) => connection),
	config: z.looseObject(configShape).partial(),
});
export type Directory = z.infer<typeof Directory>;
export const DirectoryList = z.array(Directory);

/** Create needs bindCredential; replace may omit it to keep the stored one. */
export const DirectoryCreateRequest = z.strictObject({
	type: DirectoryType,
	connection: z.strictObject({...connectionShape, bindCredential: z.string()}),
	config: DirectoryConfig,
});
export type DirectoryCreateRequest = z.infer<typeof DirectoryCreateRequest>;
export const DirectoryReplaceRequest = z.strictObject({
	type: DirectoryType,
	connection: z.strictObject({...connectionShape, bindCredential: z.string().optional()}),
	config: DirectoryConfig,
});
export type DirectoryReplaceRequest = z.infer<typeof DirectoryReplaceRequest>;

export const TestDirectoryConnectionRequest = z.strictObject({
	connectionUrl: z.string(),
	bindDn: z.string(),
	bindCredential: z.string(),
});
export type TestDirectoryConnectionRequest = z.infer<typeof TestDirectoryConnectionRequest>;
