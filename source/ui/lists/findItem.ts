// `:idp NAME` and `:app NAME`: find one item by id or name, the way an admin types it.
// An exact id wins, then an exact name (any case), then a unique name prefix; several matches are
// reported as candidates, never guessed between.

export type NamedItem = {id: string; name: string; otherNames?: readonly string[]};

export type ItemLookup<T extends NamedItem> = {found: T} | {candidates: T[]} | {none: true};

export function findItem<T extends NamedItem>(items: readonly T[], query: string): ItemLookup<T> {
	const wanted = query.trim().toLowerCase();
	if (wanted === '') return {none: true};
	const byId = items.find(item => item.id === query.trim());
	if (byId) return {found: byId};
	const names = (item: T) => [item.name, ...(item.otherNames ?? [])].map(n => n.toLowerCase());
	for (const match of [(n: string) => n === wanted, (n: string) => n.startsWith(wanted)]) {
		const hits = items.filter(item => names(item).some(match));
		if (hits.length === 1) return {found: hits[0]!};
		if (hits.length > 1) return {candidates: hits};
	}
	return {none: true};
}
