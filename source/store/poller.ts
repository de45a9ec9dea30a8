// A generic poller for one live resource (health, IdP modes). Design section 3 "Poll":
// a floor on the interval, single-flight (the next request is scheduled only when the previous one has
// settled, so two are never in flight), exponential backoff with jitter on errors, pause/resume when the
// screen hides, a "stale since" marker and a failure streak.

export type PollerStatus = {
	running: boolean;
	paused: boolean;
	inFlight: boolean;
	/** The interval asked for (after the floor); the actual delay grows while failing. */
	intervalMs: number;
	failureStreak: number;
	/** When the data stopped being fresh: the first failed poll after the last success. */
	staleSince?: number;
	lastSuccessAt?: number;
	lastError?: string;
	/** When the next poll is due (undefined while paused, stopped or in flight). */
	nextAt?: number;
};

export type PollerTimers = {
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
	now(): number;
	/** 0 <= x < 1, for the jitter. */
	random(): number;
};

export type PollerOptions<T> = {
	task: () => Promise<T>;
	intervalMs: number;
	floorMs: number;
	/** Upper bound of the backoff delay (default 60 s, never below the interval). */
	maxBackoffMs?: number;
	onResult?: (result: T, roundTripMs: number) => void;
	onError?: (error: unknown, roundTripMs: number) => void;
	onStatus?: (status: PollerStatus) => void;
	timers?: Partial<PollerTimers>;
};

const systemTimers: PollerTimers = {
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
	now: () => Date.now(),
	random: () => Math.random(),
};

/** Backoff delay after `streak` consecutive failures: interval * 2^streak, capped, with +-25% jitter. */
export function backoffDelay(intervalMs: number, streak: number, maxMs: number, random: number): number {
	if (streak <= 0) return intervalMs;
	const exponential = Math.min(maxMs, intervalMs * 2 ** streak);
	const jittered = exponential * (0.75 + 0.5 * random);
	return Math.round(Math.max(intervalMs, Math.min(maxMs, jittered)));
}

export type Poller = {
	start(): void;
	stop(): void;
	pause(): void;
	resume(): void;
	/** Poll now (e.g. `r`); joins the request already in flight instead of starting a second one. */
	pollNow(): Promise<void>;
	setIntervalMs(ms: number): void;
	status(): PollerStatus;
};

export function createPoller<T>(options: PollerOptions<T>): Poller {
	const timers: PollerTimers = {...systemTimers, ...options.timers};
	const clamp = (ms: number) => Math.max(options.floorMs, Math.round(ms));
	let status: PollerStatus = {
		running: false,
		paused: false,
		inFlight: false,
		intervalMs: clamp(options.intervalMs),
		failureStreak: 0,
	};
	let timer: unknown;
	let current: Promise<void> | undefined;

	const update = (patch: Partial<PollerStatus>) => {
		status = {...status, ...patch};
		options.onStatus?.(status);
	};
	const cancelTimer = () => {
		if (timer !== undefined) timers.clearTimeout(timer);
		timer = undefined;
	};
	const maxBackoff = () => Math.max(status.intervalMs, options.maxBackoffMs ?? 60_000);

	const schedule = () => {
		cancelTimer();
		if (!status.running || status.paused || status.inFlight) {
			if (status.nextAt !== undefined) update({nextAt: undefined});
			return;
		}
		const delay = backoffDelay(status.intervalMs, status.failureStreak, maxBackoff(), timers.random());
		update({nextAt: timers.now() + delay});
		timer = timers.setTimeout(() => {
			timer = undefined;
			void poll();
		}, delay);
	};

	const poll = (): Promise<void> => {
		if (current) return current;
		cancelTimer();
		const startedAt = timers.now();
		update({inFlight: true, nextAt: undefined});
		current = (async () => {
			try {
				const result = await options.task();
				const ms = timers.now() - startedAt;
				update({inFlight: false, failureStreak: 0, staleSince: undefined, lastSuccessAt: timers.now(), lastError: undefined});
				options.onResult?.(result, ms);
			} catch (error) {
				const ms = timers.now() - startedAt;
				update({
					inFlight: false,
					failureStreak: status.failureStreak + 1,
					staleSince: status.staleSince ?? startedAt,
					lastError: error instanceof Error ? error.message : String(error),
				});
				options.onError?.(error, ms);
			} finally {
				current = undefined;
				schedule();
			}
		})();
		return current;
	};

	return {
		start() {
			if (status.running) return;
			update({running: true});
			void poll();
		},
		stop() {
			cancelTimer();
			update({running: false, nextAt: undefined});
		},
		pause() {
			cancelTimer();
			update({paused: true, nextAt: undefined});
		},
		resume() {
			if (!status.paused) return;
			update({paused: false});
			// Data is old after a pause: fetch at once rather than waiting a full interval.
			if (status.running) void poll();
		},
		pollNow: () => poll(),
		setIntervalMs(ms) {
			update({intervalMs: clamp(ms)});
			schedule();
		},
		status: () => status,
	};
}

/** A slice's poll status before its poller first runs. */
export const initialPoll = (intervalMs: number): PollerStatus => ({
	running: false,
	paused: false,
	inFlight: false,
	intervalMs,
	failureStreak: 0,
});
