import {
	DIRECTORY_TYPES,
	type Directory,
	type DirectoryConfig,
	type DirectoryCreateRequest,
	type DirectoryReplaceRequest,
	type DirectoryType,
} from '../../../../api/schemas/directories.js';
import {DIRECTORY_PRESETS} from '../../../../domain/directoryPresets.js';
import * as v from '../../../../domain/validators.js';
import {itemsOf, textOf, type FieldSpec, type FormSpec, type FormValues} from '../../../components/form/fieldSpecs.js';

// The directory form on the form kit, for create (from a preset) and edit (PUT, a full replace). The
// connection URL, bind DN and (on create) the credential are required; on edit an empty credential keeps
// the stored one, which the gateway never returns. The search bases follow the base DN until edited.

export type DirectoryFormMode = 'create' | 'edit';

const TEXT_CONFIG: ReadonlyArray<[keyof DirectoryConfig, string, string]> = [
	['usernameLDAPAttribute', 'Username attribute', 'uid / sAMAccountName for OIDC apps; mail / userPrincipalName for SAML (the NameID).'],
	['uniqueIdAttribute', 'Unique id attribute', 'entryUUID (OpenLDAP), objectGUID (AD).'],
	['userSearchDn', 'User search base', 'Where users are searched (follows the base DN until edited).'],
	['userObjectFilter', 'User filter', 'An LDAP filter in parentheses, e.g. (objectClass=inetOrgPerson).'],
	['groupNameLDAPAttribute', 'Group name attribute', ''],
	['groupSearchDn', 'Group search base', 'Where groups are searched (follows the base DN until edited).'],
	['memberAttribute', 'Member attribute', 'uniqueMember (OpenLDAP), member (AD).'],
	['memberUserAttribute', 'Member user attribute', ''],
	['rdnLdapAttribute', 'RDN attribute', ''],
];
const DN_FIELDS = new Set<string>(['userSearchDn', 'groupSearchDn']);

const check = (validator: v.Validator<string>) => (value: string) => validator(value);

const configField = ([name, label, hint]: [keyof DirectoryConfig, string, string]): FieldSpec => ({
	kind: 'text',
	name,
	label,
	...(hint ? {hint} : {}),
	gatewayField: `config.${name}`,
	check: DN_FIELDS.has(name) ? check(v.distinguishedName) : name === 'userObjectFilter' ? check(v.ldapFilter) : check(v.required),
});

export function directoryFormSpec(mode: DirectoryFormMode): FormSpec {
	return {
		id: mode === 'create' ? 'directory-create' : 'directory-edit',
		submitLabel: mode === 'create' ? 'Create directory' : 'Save directory',
		fields: [
			{kind: 'choice', name: 'type', label: 'Type', options: DIRECTORY_TYPES.map(t => ({value: t, label: DIRECTORY_PRESETS[t].label}))},
			{kind: 'text', name: 'connectionUrl', label: 'Connection URL', hint: 'ldap://host:389 or ldaps://host:636', gatewayField: 'connection.connectionUrl', check: check(v.ldapUrl)},
			{kind: 'text', name: 'bindDn', label: 'Bind DN', gatewayField: 'connection.bindDn', check: check(v.distinguishedName)},
			{
				kind: 'secret',
				name: 'bindCredential',
				label: 'Bind credential',
				gatewayField: 'connection.bindCredential',
				clearOnBackspace: true,
				...(mode === 'create'
					? {check: check(v.required)}
					: {hint: 'Leave empty to keep the stored credential (the gateway never shows it).'}),
			},
			{kind: 'text', name: 'baseDn', label: 'Base DN', hint: 'The search bases below follow it until edited.', check: value => (value.trim() === '' ? undefined : v.distinguishedName(value))},
			...TEXT_CONFIG.map(configField),
			{kind: 'list', name: 'userObjectClasses', label: 'User object classes', minItems: 1, gatewayField: 'config.userObjectClasses'},
			{kind: 'list', name: 'groupObjectClasses', label: 'Group object classes', minItems: 1, gatewayField: 'config.groupObjectClasses'},
		],
		// The search bases hang under the base DN (the presets' ou=users / ou=groups) until the admin edits them.
		derive: (values, edited) => {
			const base = textOf(values, 'baseDn').trim();
			if (!edited.has('baseDn') || base === '') return {};
			return {
				...(edited.has('userSearchDn') ? {} : {userSearchDn: `ou=users,${base}`}),
				...(edited.has('groupSearchDn') ? {} : {groupSearchDn: `ou=groups,${base}`}),
			};
		},
	};
}

/** A new directory's values from a preset: the guide's config fields, all editable. */
export function presetValues(type: DirectoryType, baseDn: string): Record<string, string | readonly string[]> {
	const config = DIRECTORY_PRESETS[type].config(baseDn);
	return {type, connectionUrl: '', bindDn: '', bindCredential: '', baseDn, ...config};
}

/** An existing directory's values; the credential field starts empty (kept unless retyped). */
export function directoryValues(directory: Directory): Record<string, string | readonly string[]> {
	const config = directory.config;
	return {
		type: directory.type,
		connectionUrl: directory.connection.connectionUrl,
		bindDn: directory.connection.bindDn,
		bindCredential: '',
		baseDn: '',
		...Object.fromEntries(TEXT_CONFIG.map(([name]) => [name, typeof config[name] === 'string' ? config[name] : ''])),
		userObjectClasses: config.userObjectClasses ?? [],
		groupObjectClasses: config.groupObjectClasses ?? [],
	};
}

function configOf(values: FormValues): DirectoryConfig {
	const text = (name: keyof DirectoryConfig) => textOf(values, name).trim();
	return {
		usernameLDAPAttribute: text('usernameLDAPAttribute'),
		uniqueIdAttribute: text('uniqueIdAttribute'),
		userSearchDn: text('userSearchDn'),
		userObjectClasses: [...itemsOf(values, 'userObjectClasses')],
		userObjectFilter: text('userObjectFilter'),
		groupNameLDAPAttribute: text('groupNameLDAPAttribute'),
		groupSearchDn: text('groupSearchDn'),
		groupObjectClasses: [...itemsOf(values, 'groupObjectClasses')],
		memberAttribute: text('memberAttribute'),
		memberUserAttribute: text('memberUserAttribute'),
		rdnLdapAttribute: text('rdnLdapAttribute'),
	};
}

const typeOf = (values: FormValues): DirectoryType => {
	const typed = textOf(values, 'type');
	return (DIRECTORY_TYPES as readonly string[]).includes(typed) ? (typed as DirectoryType) : 'OPEN_LDAP';
};

export function createBody(values: FormValues): DirectoryCreateRequest {
	return {
		type: typeOf(values),
		connection: {connectionUrl: textOf(values, 'connectionUrl').trim(), bindDn: textOf(values, 'bindDn').trim(), bindCredential: textOf(values, 'bindCredential')},
		config: configOf(values),
	};
}

/** The PUT body: without a typed credential the field is left out, so the gateway keeps the stored one. */
export function replaceBody(values: FormValues): DirectoryReplaceRequest {
	const credential = textOf(values, 'bindCredential');
	return {
		type: typeOf(values),
		connection: {
			connectionUrl: textOf(values, 'connectionUrl').trim(),
			bindDn: textOf(values, 'bindDn').trim(),
			...(credential === '' ? {} : {bindCredential: credential}),
		},
		config: configOf(values),
	};
}
