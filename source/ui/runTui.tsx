import {render, useInput} from 'ink';
import type {ReactElement, ReactNode} from 'react';
import {EXIT, signalExitCode} from '../domain/exitCodes.js';
import {setFlagsFromString} from 'node:v8';
import {startFrameTimer} from './benchFrames.js';
import {interruptTaken} from './interruptClaim.js';
import {terminalLines} from '../domain/terminalText.js';

// Starting and ending the full-screen UI: the TTY check, the alternate screen (entered on start, left on
// every way out: quit, Ctrl+C, SIGTERM, a crash), and Ink's render options.

export const NO_TTY_MESSAGE =
	'the TUI needs an interactive terminal: over SSH use `ssh -t HOST oag-offline`, in scripts use a subcommand (see oag-offline --help)';

/** Ink throws "Raw mode is not supported" without a TTY; refuse before that with a line that helps. */
export const hasInteractiveTerminal = (
	stdin: {isTTY?: boolean} = process.stdin,
	stdout: {isTTY?: boolean} = process.stdout,
): boolean => stdin.isTTY === true && stdout.isTTY === true;

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

/**
 * Ctrl+C in the TUI is an interruption like Ctrl-C at a prompt (exit 130). Ink's own exitOnCtrlC would end
 * the run as a normal quit (0), so it is off and this wrapper sees the key first. No binding uses ctrl+c;
 * a running bulk change claims it (interruptClaim.ts).
 */
export function InterruptOnCtrlC({onInterrupt, children}: {onInterrupt: () => void; children: ReactNode}): ReactNode {
	useInput((input, key) => {
		// A running bulk change takes the first Ctrl+C (interruptClaim.ts); the next one quits.
		if (key.ctrl && input === 'c' && !interruptTaken()) onInterrupt();
	});
	return children;
}

/**
 * A long-running TUI should not hold three times the memory it uses. V8 lets the old generation grow to up
 * to 4x what survived the last full collection, and the young one to 2x16 MB, so with 5,000 apps (about
 * 40 MB live) the process peaked near 230 MB, mostly garbage not yet collected. These two flags are read by
 * the collector at run time, so they can be set here, in the TUI only (no re-exec, no NODE_OPTIONS: the
 * `#!/usr/bin/env node` start under npx and the TTY stay as they are): the old generation grows by 25% over
 * the live data, and the young generation keeps the size it has at start. They are no limits: the heap
 * still grows as far as the data needs. Measured in bench/GOALS.md: peak 229 -> 144-147 MB at 5,000 apps, for about 2.5 ms more CPU per key.
 * OAG_HEAP_DEFAULTS=1 leaves V8's defaults (to compare, or if a Node version disagrees).
 */
export function tuneHeapForTui(env: NodeJS.ProcessEnv = process.env): boolean {
	if (env.OAG_HEAP_DEFAULTS === '1') return false;
	setFlagsFromString('--heap-growing-percent=25');
	setFlagsFromString('--semi-space-growth-factor=1');
	return true;
}

/** Cleanup (closing the simulator, the HTTP pool) gets this long once the terminal is gone; then we exit anyway. */
const EXIT_DEADLINE_MS = 2_000;

export async function runTui(element: ReactElement, cleanup: () => Promise<void> = async () => {}): Promise<void> {
	const stdout = process.stdout;
	let restored = false;
	let exiting = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		// The terminal may already be gone (SSH dropped): a failed write must not start another error.
		if (stdout.writable) stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN, () => {});
	};
	/** Leaves once, whatever asked first; a hung cleanup cannot keep a process without a terminal alive. */
	const leave = (code: number, message?: string) => {
		if (exiting) return;
		exiting = true;
		try {
			instance.unmount();
		} catch {
			// Unmounting writes the last frame, which fails when the terminal is gone.
		}
		restore();
		if (message && process.stderr.writable) process.stderr.write(message, () => {});
		setTimeout(() => process.exit(code), EXIT_DEADLINE_MS);
		void cleanup()
			.catch(() => {})
			.finally(() => process.exit(code));
	};
	const onSignal = (signal: NodeJS.Signals) => leave(signalExitCode(signal));
	const onCrash = (error: unknown) =>
		leave(EXIT.failure, `oag-offline: the TUI stopped on an unexpected error: ${terminalLines(error instanceof Error ? error.message : String(error))}\n`);
	// EIO/EPIPE on the terminal means it went away (a dropped SSH session, a killed tmux): stop, quietly.
	const onTerminalGone = () => leave(EXIT.hangup);

	// Every way out, subscribed while the TUI runs and unsubscribed after ('exit' stays: it only restores).
	const exits: Array<[NodeJS.EventEmitter, string, Parameters<NodeJS.EventEmitter['on']>[1]]> = [
		[process, 'SIGTERM', onSignal],
		[process, 'SIGINT', onSignal],
		[process, 'SIGHUP', onSignal],
		[process, 'uncaughtException', onCrash],
		[process, 'unhandledRejection', onCrash],
		[stdout, 'error', onTerminalGone],
		[process.stdin, 'error', onTerminalGone],
		[process.stdin, 'end', onTerminalGone],
	];
	stdout.write(ENTER_ALTERNATE_SCREEN);
	process.on('exit', restore);
	for (const [emitter, event, handler] of exits) emitter.on(event, handler);
	tuneHeapForTui();
	const frames = startFrameTimer(process.env.OAG_BENCH_FRAMES); // bench/ only
	const instance = render(<InterruptOnCtrlC onInterrupt={() => leave(EXIT.interrupted)}>{element}</InterruptOnCtrlC>, {
		exitOnCtrlC: false,
		patchConsole: false,
		// Ink draws at most this often; a key that comes within 1000/maxFps ms of the last frame (the clock's tick,
		// a batch of app details) waits for the next one, so a low cap shows up as keystroke latency. Frames are
		// only drawn on a change, so a higher cap costs nothing while idle.
		maxFps: 60,
		// Not `incrementalRendering`: with Ink 6.8 and a screen-high frame it left stale rows at the top of
		// the screen in tmux (the header drawn one row low, the breadcrumb rule lost).
		...(frames ? {onRender: frames.onRender} : {}),
	});
	try {
		await instance.waitUntilExit();
	} finally {
		instance.cleanup();
		restore();
		for (const [emitter, event, handler] of exits) emitter.off(event, handler);
		await cleanup();
	}
}
