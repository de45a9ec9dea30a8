import type {DirectoryConfig, DirectoryType} from '../api/schemas/directories.js';

// Starting values for a directory's `config`, from the guide's OpenLDAP and Active Directory examples
// (oag-api.md 4.7). Search bases depend on the directory tree, so they take the base DN.

export type DirectoryPreset = {type: DirectoryType; label: string; config: (baseDn: string) => DirectoryConfig};

export const DIRECTORY_PRESETS: Record<DirectoryType, DirectoryPreset> = {
	OPEN_LDAP: {
		type: 'OPEN_LDAP',
		label: 'OpenLDAP',
		config: baseDn => ({
			usernameLDAPAttribute: 'uid',
			uniqueIdAttribute: 'entryUUID',
			userSearchDn: `ou=users,${baseDn}`,
			userObjectClasses: ['inetOrgPerson'],
			userObjectFilter: '(objectClass=inetOrgPerson)',
			groupNameLDAPAttribute: 'cn',
			groupSearchDn: `ou=groups,${baseDn}`,
			groupObjectClasses: ['groupOfUniqueNames'],
			memberAttribute: 'uniqueMember',
			memberUserAttribute: 'uid',
			rdnLdapAttribute: 'uid',
		}),
	},
	ACTIVE_DIRECTORY: {
		type: 'ACTIVE_DIRECTORY',
		label: 'Active Directory',
		config: baseDn => ({
			usernameLDAPAttribute: 'sAMAccountName',
			uniqueIdAttribute: 'objectGUID',
			userSearchDn: `ou=users,${baseDn}`,
			userObjectClasses: ['user'],
			userObjectFilter: '(objectClass=user)',
			groupNameLDAPAttribute: 'cn',
			groupSearchDn: `ou=groups,${baseDn}`,
			groupObjectClasses: ['group'],
			memberAttribute: 'member',
			memberUserAttribute: 'uid',
			rdnLdapAttribute: 'cn',
		}),
	},
};
