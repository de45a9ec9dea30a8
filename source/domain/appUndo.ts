// Undo of app state changes from the audit log: for each app, the state before the first recorded
// change that may have reached the gateway, and the state those changes left it in. Pure: the caller
// reads the log and decides which lines (the last bulk change, or a time window) are undone.

export type StateLine = {
	time: string;
	target: {id: string; name?: string; batch?: unknown};
	outcome: string;
	requested?: unknown;
	before?: unknown;
	after?: unknown;
};

export type UndoStep = {id: string; name: string; from?: string; to: string};

const stateIn = (value: unknown): string | undefined => {
	const state = (value as {state?: unknown} | undefined)?.state;
	return typeof state === 'string' ? state : undefined;
};

/** Outcomes after which the gateway may hold the requested state: done, or sent and read back differently. */
const MAY_HAVE_CHANGED = new Set(['ok', 'verify-mismatch']);

/**
 * The lines of the latest change that may have reached the gateway (its whole batch, or that line alone
 * when it had none): a refused or unconfirmed attempt after it is not "the last change".
 */
export function lastChange<T extends StateLine>(lines: readonly T[]): T[] {
	const latest = lines.findLast(line => MAY_HAVE_CHANGED.has(line.outcome));
	if (!latest) return [];
	const batch = latest.target.batch;
	return typeof batch === 'string' ? lines.filter(line => line.target.batch === batch) : [latest];
}

/** One step per app, in the order the apps first appear; apps whose changes were all no-ops are left out. */
export function undoSteps(lines: readonly StateLine[]): UndoStep[] {
	const byApp = new Map<string, UndoStep>();
	for (const line of lines) {
		if (!MAY_HAVE_CHANGED.has(line.outcome)) continue;
		const before = stateIn(line.before);
		const left = stateIn(line.after) ?? stateIn(line.requested);
		const known = byApp.get(line.target.id);
		if (known) {
			// A later change: the app is now where that one left it; the restore target stays the first `before`.
			byApp.set(line.target.id, {...known, ...(left ? {from: left} : {})});
			continue;
		}
		if (before === undefined) continue;
		byApp.set(line.target.id, {id: line.target.id, name: line.target.name ?? line.target.id, ...(left ? {from: left} : {}), to: before});
	}
	return [...byApp.values()].filter(step => step.from !== step.to);
}
