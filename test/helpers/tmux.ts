import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';

// Runs a command in a detached tmux session on a private socket, at a fixed window size, and reads the
// screen back: the real terminal path (TTY, raw mode, alternate screen, resize) that Ink tests cannot fake.
// CI is removed from the environment: with CI=true Ink prints only the last frame.

export type TmuxSession = {
	socket: string;
	/** The visible screen; with escapes: true, SGR colour codes are kept (capture-pane -e). */
	capture(options?: {escapes?: boolean}): string;
	/** The screen's lines with wrapped lines joined (capture-pane -J): a line the terminal wrapped comes back too long. */
	joinedLines(): string[];
	sendKeys(...keys: string[]): void;
	/** Literal text (no key-name lookup), e.g. ':health'. */
	type(text: string): void;
	resize(columns: number, rows: number): void;
	waitFor(predicate: (screen: string) => boolean, timeoutMs?: number, options?: {escapes?: boolean}): Promise<string>;
	kill(): void;
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env = {...process.env, ...extra};
	delete env.CI;
	delete env.TMUX;
	return env;
}

/**
 * `command` runs via the shell; it is followed by `echo EXITED $?` and a pause, so a test can read the
 * exit status after the program ends.
 */
export function startTmux(command: string, size: {columns: number; rows: number}, env: Record<string, string> = {}): TmuxSession {
	const socket = `oag-e2e-${process.pid}-${randomBytes(4).toString('hex')}`;
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {env: cleanEnv(env), encoding: 'utf8'});
	tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'e2e', '-x', String(size.columns), '-y', String(size.rows), `${command}; echo "EXITED $?"; sleep 120`);
	// The window keeps the size we asked for even when no client is attached.
	tmux('set-option', '-g', 'window-size', 'manual');
	const session: TmuxSession = {
		socket,
		capture: ({escapes = false} = {}) => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', 'e2e'),
		joinedLines: () => tmux('capture-pane', '-p', '-J', '-t', 'e2e').replace(/\n$/, '').split('\n'),
		sendKeys: (...keys) => void tmux('send-keys', '-t', 'e2e', ...keys),
		type: text => void tmux('send-keys', '-t', 'e2e', '-l', '--', text),
		resize: (columns, rows) => void tmux('resize-window', '-t', 'e2e', '-x', String(columns), '-y', String(rows)),
		async waitFor(predicate, timeoutMs = 15_000, options = {}) {
			const deadline = Date.now() + timeoutMs;
			let screen = '';
			while (Date.now() < deadline) {
				screen = session.capture(options);
				if (predicate(screen)) return screen;
				await sleep(150);
			}
			throw new Error(`tmux screen did not match in ${timeoutMs} ms; last screen:\n${screen}`);
		},
		kill: () => {
			try {
				tmux('kill-server');
			} catch {
				// already gone
			}
		},
	};
	return session;
}

/**
 * Whether text carries a colour: SGR 30-38, 40-48, 90-97 or 100-107. 39/49 ("default colour") are not a
 * colour, and tmux's capture-pane -e writes them after every attribute reset anyway.
 */
export function hasColourEscapes(text: string): boolean {
	for (const match of text.matchAll(/\u001b\[([\d;]*)m/g)) {
		const params = (match[1] ?? '').split(';').map(Number);
		for (let i = 0; i < params.length; i++) {
			const p = params[i]!;
			if ((p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107)) return true;
			if (p === 38 || p === 48) i += params[i + 1] === 5 ? 2 : 4;
		}
	}
	return false;
}
