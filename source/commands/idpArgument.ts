import type {Idp} from '../api/schemas/index.js';
import {printable} from '../domain/changeSummary.js';
import {CommandFailure, EXIT} from './run.js';

// IDP arguments: an id, or a name that only one IdP has (case-insensitive). Anything else is a usage error
// that lists what would have matched, so the admin can retry with the id.

const shown = (idp: Idp): string => printable(`${idp.name} (${idp.id})`);

export function resolveIdp(idps: readonly Idp[], argument: string): Idp {
	const byId = idps.find(idp => idp.id === argument);
	if (byId) return byId;
	const wanted = argument.trim().toLowerCase();
	const byName = idps.filter(idp => idp.name.trim().toLowerCase() === wanted);
	if (byName.length === 1) return byName[0]!;
	if (byName.length > 1) {
		throw new CommandFailure(`IdP name "${printable(argument)}" is ambiguous; pass one of these ids:\n  ${byName.map(shown).join('\n  ')}`, EXIT.usage);
	}
	const known = idps.length > 0 ? `; known IdPs:\n  ${idps.map(shown).join('\n  ')}` : '; this gateway has no IdPs';
	throw new CommandFailure(`no IdP with the id or name "${printable(argument)}"${known}`, EXIT.usage);
}
