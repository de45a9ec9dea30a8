// "Did you mean" for names typed by a person: unknown subcommands, IdP and app names.

/** Edit distance with transpositions (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
	const s = a.toLowerCase();
	const t = b.toLowerCase();
	const d: number[][] = Array.from({length: s.length + 1}, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
	for (let j = 1; j <= t.length; j++) d[0]![j] = j;
	for (let i = 1; i <= s.length; i++) {
		for (let j = 1; j <= t.length; j++) {
			const cost = s[i - 1] === t[j - 1] ? 0 : 1;
			let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
			d[i]![j] = best;
		}
	}
	return d[s.length]![t.length]!;
}

/**
 * Candidates close to what was typed, closest first: a small edit distance (a typo), or containing the
 * typed text (a partial name). At most `limit` of them.
 */
export function closeMatches(typed: string, candidates: readonly string[], limit = 5): string[] {
	const wanted = typed.toLowerCase();
	const allowed = Math.max(1, Math.floor(wanted.length / 3));
	return candidates
		.map(candidate => ({candidate, distance: editDistance(wanted, candidate)}))
		.filter(({candidate, distance}) => distance <= allowed || (wanted.length >= 3 && candidate.toLowerCase().includes(wanted)))
		.sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))
		.slice(0, limit)
		.map(({candidate}) => candidate);
}
