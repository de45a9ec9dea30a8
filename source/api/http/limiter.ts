// A counting semaphore: at most `max` exchanges with the gateway at once (design: default 8), so a bulk
// operation over thousands of apps neither floods the gateway nor trips its rate limit.

export type Limiter = {
	run<T>(task: () => Promise<T>): Promise<T>;
	readonly active: number;
	readonly waiting: number;
};

export function createLimiter(max: number): Limiter {
	if (!Number.isInteger(max) || max < 1) throw new Error(`Concurrency must be a positive integer, got ${max}`);
	let active = 0;
	const queue: Array<() => void> = [];

	const acquire = (): Promise<void> => {
		if (active < max) {
			active++;
			return Promise.resolve();
		}
		// The slot is handed over by release(), so `active` stays counted for the waiter.
		return new Promise((resolve) => queue.push(resolve));
	};
	const release = (): void => {
		const next = queue.shift();
		if (next) next();
		else active--;
	};

	return {
		async run(task) {
			await acquire();
			try {
				return await task();
			} finally {
				release();
			}
		},
		get active() {
			return active;
		},
		get waiting() {
			return queue.length;
		},
	};
}
