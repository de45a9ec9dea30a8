import {InvalidArgumentError} from 'commander';
import type {Directory} from '../api/schemas/directories.js';
import {DirectoryReplaceRequest, type DirectoryConfig} from '../api/schemas/directories.js';
import {DIRECTORY_PRESETS} from '../domain/directoryPresets.js';
import {validateDirectory} from '../domain/directoryRules.js';
import type {DirectorySnapshot} from '../operations/directories.js';
import type {CommandContext} from './context.js';
import {printable} from './output.js';
import {CommandFailure, EXIT} from './run.js';

// The request body of `directories create|update`, built as base < --file < flags: the base is a preset
// (create) or the directory as the gateway holds it (update). The credential is never a flag; it is added
// by the caller (OAG_BIND_CREDENTIAL or a hidden prompt), or comes from the API body in --file.

export const PRESET_NAMES = {openldap: 'OPEN_LDAP', ad: 'ACTIVE_DIRECTORY'} as const;
export type PresetName = keyof typeof PRESET_NAMES;

const CONFIG_FIELDS: readonly (keyof DirectoryConfig)[] = [
	'usernameLDAPAttribute',
	'uniqueIdAttribute',
	'userSearchDn',
	'userObjectClasses',
	'userObjectFilter',
	'groupNameLDAPAttribute',
	'groupSearchDn',
	'groupObjectClasses',
	'memberAttribute',
	'memberUserAttribute',
	'rdnLdapAttribute',
];
const LIST_FIELDS = new Set<keyof DirectoryConfig>(['userObjectClasses', 'groupObjectClasses']);

export type ConfigSet = {field: keyof DirectoryConfig; value: string | string[]};

/** `--config key=value` (repeatable); the two object-class lists take comma-separated values. */
export const configAssignment = (text: string, previous: ConfigSet[] = []): ConfigSet[] => {
	const at = text.indexOf('=');
	const field = CONFIG_FIELDS.find(f => f.toLowerCase() === text.slice(0, Math.max(0, at)).trim().toLowerCase());
	if (at < 0 || !field) throw new InvalidArgumentError(`expected KEY=VALUE with KEY one of ${CONFIG_FIELDS.join(', ')}`);
	const raw = text.slice(at + 1);
	const value = LIST_FIELDS.has(field) ? raw.split(',').map(item => item.trim()).filter(Boolean) : raw;
	return [...previous, {field, value}];
};

export const presetName = (text: string): PresetName => {
	const key = text.toLowerCase();
	if (key !== 'openldap' && key !== 'ad') throw new InvalidArgumentError('expected openldap or ad');
	return key;
};

export type DirectoryFlags = {preset?: PresetName; baseDn?: string; url?: string; bindDn?: string; config?: ConfigSet[]; file?: string};

/** The dc=... tail of a DN: the base a preset's search DNs hang under when --base-dn is not given. */
export const domainComponents = (dn: string): string | undefined => {
	const parts = dn.split(',').map(p => p.trim());
	const first = parts.findIndex(p => /^dc=/i.test(p));
	return first < 0 ? undefined : parts.slice(first).join(',');
};

function presetBase(flags: DirectoryFlags): unknown {
	if (!flags.preset) return undefined;
	const baseDn = flags.baseDn ?? (flags.bindDn ? domainComponents(flags.bindDn) : undefined);
	if (!baseDn) throw new CommandFailure('--preset needs --base-dn DN (or a --bind-dn under dc=...) for its search bases', EXIT.usage);
	const preset = DIRECTORY_PRESETS[PRESET_NAMES[flags.preset]];
	return {type: preset.type, connection: {}, config: preset.config(baseDn)};
}

const flagOverrides = (flags: DirectoryFlags): unknown => ({
	connection: {connectionUrl: flags.url, bindDn: flags.bindDn},
	config: Object.fromEntries((flags.config ?? []).map(set => [set.field, set.value])),
});

/** The body without a credential unless --file held one; checked by the schema (usage error otherwise). */
export async function directoryBody(ctx: CommandContext, flags: DirectoryFlags, current?: DirectorySnapshot): Promise<DirectoryReplaceRequest> {
	const base = current ? {type: current.type, connection: {...current.connection}, config: current.config} : presetBase(flags);
	return ctx.body(DirectoryReplaceRequest, {base, overrides: flagOverrides(flags)});
}

/** The domain rule's problems as one usage error (field names and messages, never a value). */
export function checkDirectoryBody(body: DirectoryReplaceRequest, credentialRequired: boolean): void {
	const problems = validateDirectory(body, credentialRequired);
	if (problems.length === 0) return;
	throw new CommandFailure(`the directory is not valid: ${problems.map(p => `${p.field}: ${p.message}`).join('; ')}`, EXIT.usage, 'validation');
}

/** A DIRECTORY argument: an id, or a connection URL only one of the IdP's directories has. */
export function resolveDirectory(directories: readonly Directory[], typed: string, idpName: string): Directory {
	const byId = directories.find(d => d.id === typed);
	if (byId) return byId;
	const wanted = typed.trim().toLowerCase();
	const byUrl = directories.filter(d => d.connection.connectionUrl.toLowerCase() === wanted);
	if (byUrl.length === 1) return byUrl[0]!;
	const known = directories.map(d => `${d.id} (${d.connection.connectionUrl})`).join(', ');
	const what = byUrl.length > 1 ? `${byUrl.length} directories of ${idpName} use ${typed}: give the id` : `no directory ${typed} on ${idpName}`;
	throw new CommandFailure(printable(`${what}${known ? `; known: ${known}` : ' (it has none)'}`), EXIT.usage, byUrl.length > 1 ? 'ambiguous' : 'not-found');
}
