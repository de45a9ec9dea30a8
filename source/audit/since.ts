// `audit --since 30m`: a duration back from now. Units as admins type them in incident notes.

const UNIT_MS = {s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000} as const;

/** Milliseconds, or undefined when the text is not a duration like 90s, 30m, 2h, 7d or 1w. */
export function parseDuration(text: string): number | undefined {
	const match = /^(\d{1,6})([smhdw])$/.exec(text.trim());
	if (!match) return undefined;
	const amount = Number(match[1]);
	return amount > 0 ? amount * UNIT_MS[match[2] as keyof typeof UNIT_MS] : undefined;
}

/** Entries at or after `now - ms`; entries with an unreadable time are kept out. */
export function since<T extends {time: string}>(entries: readonly T[], ms: number, now: number = Date.now()): T[] {
	const from = now - ms;
	return entries.filter(entry => {
		const at = Date.parse(entry.time);
		return Number.isFinite(at) && at >= from;
	});
}
