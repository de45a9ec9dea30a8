import {createPoller, type Poller, type PollerOptions, type PollerStatus} from './poller.js';

// A poller tied to what is on screen: it runs while at least one view watches it and the admin has not
// paused it with `p`. Screens call watch() on mount and the returned function on unmount.

export const POLL_STEPS_MS = [2_000, 5_000, 10_000, 15_000, 30_000, 60_000] as const;
export const POLL_FLOOR_MS = 2_000;
export const DEFAULT_POLL_MS = 10_000;

export type LiveFeed = {
	poller: Poller;
	watch(): () => void;
	togglePause(): void;
	/** `+`: poll more often (next shorter step). */
	faster(): void;
	/** `-`: poll less often. */
	slower(): void;
	refresh(): Promise<void>;
	dispose(): void;
};

export type LiveFeedOptions<T> = Omit<PollerOptions<T>, 'onStatus' | 'floorMs'> & {
	floorMs?: number;
	onStatus: (status: PollerStatus, userPaused: boolean) => void;
};

export function createLiveFeed<T>(options: LiveFeedOptions<T>): LiveFeed {
	let watchers = 0;
	let userPaused = false;
	let started = false;
	const poller = createPoller({
		...options,
		floorMs: options.floorMs ?? POLL_FLOOR_MS,
		onStatus: status => options.onStatus(status, userPaused),
	});
	const apply = () => {
		const shouldRun = watchers > 0 && !userPaused;
		if (shouldRun && !started) {
			started = true;
			poller.start();
		} else if (shouldRun) poller.resume();
		else if (started) poller.pause();
		else options.onStatus(poller.status(), userPaused);
	};
	const step = (direction: 1 | -1) => {
		const current = poller.status().intervalMs;
		const index = POLL_STEPS_MS.findIndex(ms => ms >= current);
		const from = index === -1 ? POLL_STEPS_MS.length - 1 : index;
		const to = Math.max(0, Math.min(POLL_STEPS_MS.length - 1, from + direction));
		poller.setIntervalMs(Math.max(POLL_STEPS_MS[to]!, options.floorMs ?? POLL_FLOOR_MS));
	};
	return {
		poller,
		watch() {
			watchers++;
			apply();
			let done = false;
			return () => {
				if (done) return;
				done = true;
				watchers--;
				apply();
			};
		},
		togglePause() {
			userPaused = !userPaused;
			apply();
		},
		faster: () => step(-1),
		slower: () => step(1),
		refresh: () => poller.pollNow(),
		dispose: () => poller.stop(),
	};
}
