import {printable} from './output.js';
import {CommandFailure, EXIT} from './run.js';
import {closeMatches} from './suggest.js';

// IDP and APP arguments: an id, or a unique name (exact, case-insensitive). Two items of the same name are
// ambiguous and listed with their ids; an unknown name lists close matches. Both are usage errors (exit 2):
// the admin retypes the argument. Names come from the gateway, so they are printed escaped.

export type Named = {id: string; name: string};

const MAX_LISTED = 10;

const describe = (item: Named): string => `${printable(item.name)} (id ${printable(item.id)})`;

export function resolveItem<T extends Named>(items: readonly T[], typed: string, noun: string): T {
	const byId = items.find(item => item.id === typed);
	if (byId) return byId;
	const wanted = typed.trim().toLowerCase();
	const named = items.filter(item => item.name.toLowerCase() === wanted);
	if (named.length === 1) return named[0]!;
	const shown = JSON.stringify(printable(typed));
	if (named.length > 1) {
		const listed = named.slice(0, MAX_LISTED).map(describe).join(', ');
		const more = named.length > MAX_LISTED ? ` and ${named.length - MAX_LISTED} more` : '';
		throw new CommandFailure(`${named.length} ${noun}s are named ${shown}: ${listed}${more}; give the id instead`, EXIT.usage, 'ambiguous');
	}
	const close = closeMatches(typed, [...new Set(items.map(item => item.name))]);
	const hint = close.length > 0 ? `; close matches: ${close.map(name => JSON.stringify(printable(name))).join(', ')}` : '';
	throw new CommandFailure(`no ${noun} with the id or name ${shown}${hint}`, EXIT.usage, 'not-found');
}
