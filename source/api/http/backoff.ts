// Exponential backoff with full jitter (a uniformly random wait in [0, min(cap, base * 2^n)]):
// many clients retrying after the same gateway hiccup spread out instead of hitting it in lockstep.

export type BackoffOptions = {baseDelayMs: number; maxDelayMs: number};

/** Upper bound of the wait before retry number `retry` (0 = the first retry). */
export function backoffCeilingMs(retry: number, options: BackoffOptions): number {
	const exponential = options.baseDelayMs * 2 ** Math.max(0, retry);
	return Math.min(options.maxDelayMs, exponential);
}

export function backoffDelayMs(retry: number, options: BackoffOptions, random: () => number = Math.random): number {
	return Math.floor(random() * backoffCeilingMs(retry, options));
}

/** The default ceiling: a gateway asking for a longer pause is not retried; the command says when to retry. */
export const MAX_RETRY_AFTER_SECONDS = 30;

/** Retry-After as seconds (delta-seconds or an HTTP date), as asked. Undefined when absent or unreadable. */
export function parseRetryAfterSeconds(value: string | undefined, nowMs: number = Date.now()): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d{1,10}(\.\d+)?$/.test(text)) return Number(text);
	// An HTTP date always names a day or month; this keeps Date.parse from reading "-1" as a year.
	const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
