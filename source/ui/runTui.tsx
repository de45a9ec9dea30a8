import {render} from 'ink';
import type {ReactElement} from 'react';

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

export async function runTui(element: ReactElement, cleanup: () => Promise<void> = async () => {}): Promise<void> {
	const stdout = process.stdout;
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
	};
	const onSignal = (signal: NodeJS.Signals) => {
		instance.unmount();
		restore();
		void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
	};
	const onCrash = (error: unknown) => {
		restore();
		process.stderr.write(`oag-offline: the TUI stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
		void cleanup().finally(() => process.exit(1));
	};

	stdout.write(ENTER_ALTERNATE_SCREEN);
	process.on('exit', restore);
	process.on('SIGTERM', onSignal);
	process.on('SIGINT', onSignal);
	process.on('SIGHUP', onSignal);
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	const instance = render(element, {exitOnCtrlC: true, patchConsole: false, maxFps: 20});
	try {
		await instance.waitUntilExit();
	} finally {
		instance.cleanup();
		restore();
		process.off('SIGTERM', onSignal);
		process.off('SIGINT', onSignal);
		process.off('SIGHUP', onSignal);
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		await cleanup();
	}
}
