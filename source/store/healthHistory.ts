import type {OagErrorKind} from '../api/errors.js';

// The last N health checks, for the sparkline/timeline and the failure streak. Pure functions over arrays
// so the store keeps immutable snapshots (selectors compare by reference).

export type HealthSample = {
	/** When our request finished (ms since epoch). */
	at: number;
	/** The gateway's status, or 'ERROR' when the request itself failed, or 'DISABLED' (service not enabled). */
	status: string;
	lastChecked?: string;
	roundTripMs: number;
	/** The gateway's free-text details of the check. */
	details?: string;
	error?: string;
	errorKind?: OagErrorKind | 'unknown';
};

export const HEALTH_HISTORY_SIZE = 60;

export function appendSample(history: readonly HealthSample[], sample: HealthSample, size = HEALTH_HISTORY_SIZE): HealthSample[] {
	const next = [...history, sample];
	return next.length > size ? next.slice(next.length - size) : next;
}

/** Consecutive latest samples that are not HEALTHY (request errors included). */
export function failureStreak(history: readonly HealthSample[]): number {
	let streak = 0;
	for (let i = history.length - 1; i >= 0 && history[i]!.status !== 'HEALTHY'; i--) streak++;
	return streak;
}

/** When the current run of non-HEALTHY samples began, if there is one. */
export function failingSince(history: readonly HealthSample[]): number | undefined {
	const streak = failureStreak(history);
	return streak === 0 ? undefined : history[history.length - streak]?.at;
}

export function averageRoundTrip(history: readonly HealthSample[]): number | undefined {
	const ok = history.filter(s => s.status !== 'ERROR');
	if (ok.length === 0) return undefined;
	return Math.round(ok.reduce((sum, s) => sum + s.roundTripMs, 0) / ok.length);
}
