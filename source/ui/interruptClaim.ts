// Ctrl+C in the TUI quits (exit 130), except while a bulk change runs: then it stops the change (nothing
// new starts, the requests in flight finish, the summary says what was not sent) and a second Ctrl+C
// quits. The bulk claims the key for its duration; runTui asks before quitting.

let claim: (() => boolean) | undefined;

/** `handler` returns true when it took this Ctrl+C. Returns the release. */
export function claimInterrupt(handler: () => boolean): () => void {
	claim = handler;
	return () => {
		if (claim === handler) claim = undefined;
	};
}

/** True when a running change took this Ctrl+C (the TUI then stays). */
export const interruptTaken = (): boolean => claim?.() ?? false;
