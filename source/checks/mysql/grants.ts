// Does the account have what the authentication service needs in its database?
//
// The service creates and migrates its own tables in the database the admin created for it, then reads
// and writes rows. So, on that database (or on *.*):
//   CREATE  create its tables;           ALTER   change them when the gateway is upgraded;
//   INDEX   create their indexes;        SELECT, INSERT, UPDATE, DELETE   its data.
// ALL PRIVILEGES covers all of them. Deliberately not required: DROP, REFERENCES, GRANT OPTION and any
// global privilege (the gateway's documentation asks for none, and a least-privilege account is what
// an admin should give it). Table-level and column-level grants do not count: they cannot create tables.

export const REQUIRED_PRIVILEGES = ['CREATE', 'ALTER', 'INDEX', 'SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;

export type GrantsVerdict = {
	missing: string[];
	/** Roles granted to the account: their privileges count only once the role is active, so they are named. */
	roles: string[];
};

type Grant = {privileges: string[]; scope: {database: string; table: string}};

const unquote = (identifier: string): string =>
	identifier.startsWith('`') && identifier.endsWith('`') ? identifier.slice(1, -1).replace(/``/g, '`') : identifier;

/** `db`.`table`, db.*, *.* -> its two parts (a backtick-quoted name may hold a dot). */
function scopeOf(text: string): {database: string; table: string} | undefined {
	const match = /^((?:`(?:[^`]|``)*`)|[^.`\s]+)\.((?:`(?:[^`]|``)*`)|[^.`\s]+)$/.exec(text);
	return match ? {database: unquote(match[1]!), table: unquote(match[2]!)} : undefined;
}

export function parseGrant(line: string): Grant | {role: string} | undefined {
	const onScope = /^GRANT\s+(.+?)\s+ON\s+(?:(?:TABLE|FUNCTION|PROCEDURE|PACKAGE(?:\s+BODY)?)\s+)?(\S+)\s+TO\s/i.exec(line);
	if (onScope) {
		const scope = scopeOf(onScope[2]!);
		if (!scope) return undefined;
		// Column lists "SELECT (a, b)" hold commas of their own; they are table-level anyway.
		const privileges = onScope[1]!
			.replace(/\([^)]*\)/g, '')
			.split(',')
			.map(privilege => privilege.trim().toUpperCase().replace(/\s+/g, ' '))
			.filter(Boolean);
		return {privileges, scope};
	}
	const role = /^GRANT\s+(`(?:[^`]|``)*`|\S+)\s+TO\s/i.exec(line);
	return role ? {role: unquote(role[1]!)} : undefined;
}

/** A database name in a grant is a LIKE pattern: % and _ are wildcards unless escaped with a backslash. */
export function databasePatternMatches(pattern: string, database: string): boolean {
	if (pattern === '*') return true;
	let regex = '';
	for (let i = 0; i < pattern.length; i++) {
		const char = pattern[i]!;
		if (char === '\\' && i + 1 < pattern.length) regex += escapeRegex(pattern[++i]!);
		else if (char === '%') regex += '.*';
		else if (char === '_') regex += '.';
		else regex += escapeRegex(char);
	}
	return new RegExp(`^${regex}$`).test(database);
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function checkGrants(lines: readonly string[], database: string): GrantsVerdict {
	const held = new Set<string>();
	const roles: string[] = [];
	for (const line of lines) {
		const grant = parseGrant(line);
		if (!grant) continue;
		if ('role' in grant) {
			roles.push(grant.role);
			continue;
		}
		if (grant.scope.table !== '*' || !databasePatternMatches(grant.scope.database, database)) continue;
		for (const privilege of grant.privileges) {
			if (privilege === 'ALL' || privilege === 'ALL PRIVILEGES') REQUIRED_PRIVILEGES.forEach(p => held.add(p));
			else held.add(privilege);
		}
	}
	return {missing: REQUIRED_PRIVILEGES.filter(privilege => !held.has(privilege)), roles};
}
