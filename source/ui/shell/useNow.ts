import {useSyncExternalStore} from 'react';

// One shared 1 s clock for everything that shows elapsed time (the token countdown, "checked 4s ago").
// Only the components that call useNow re-render on a tick, not the whole app; the timer runs
// only while at least one of them is mounted, and is unref'd so it never keeps the process alive.

const TICK_MS = 1_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
	listeners.add(listener);
	if (!timer) {
		now = Date.now();
		timer = setInterval(() => {
			now = Date.now();
			for (const notify of listeners) notify();
		}, TICK_MS);
		timer.unref?.();
	}
	return () => {
		listeners.delete(listener);
		if (listeners.size === 0 && timer) {
			clearInterval(timer);
			timer = undefined;
		}
	};
}

const snapshot = () => now;

/** The current time in ms, updated once a second while the caller is mounted. */
export function useNow(): number {
	return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** How many listeners the clock has (tests check that it stops when nothing shows time). */
export const clockListeners = (): number => listeners.size;
