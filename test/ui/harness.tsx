import {EventEmitter} from 'node:events';
import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink';
import type {ReactElement} from 'react';

// Renders a tree into fake streams of a chosen terminal size. Frames are kept raw (for colour checks)
// and stripped (for text assertions). Keys are written to stdin like a terminal would send them.

class FakeStdout extends EventEmitter {
	isTTY = true;
	frames: string[] = [];
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};
	resize(columns: number, rows: number) {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

class FakeStdin extends EventEmitter {
	isTTY = true;
	private chunks: string[] = [];
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
	read = () => this.chunks.shift() ?? null;
	write(data: string) {
		this.chunks.push(data);
		this.emit('readable');
	}
}

export const KEYS = {
	esc: '\u001b',
	enter: '\r',
	tab: '\t',
	up: '\u001b[A',
	down: '\u001b[B',
	backspace: '\u007f',
	home: '\u001b[H',
	end: '\u001b[F',
	pageUp: '\u001b[5~',
	pageDown: '\u001b[6~',
	ctrlD: '\u0004',
	ctrlU: '\u0015',
	ctrlA: '\u0001',
	space: ' ',
};

export type Harness = {
	stdout: FakeStdout;
	rawFrame(): string;
	frame(): string;
	press(...keys: string[]): Promise<void>;
	type(text: string): Promise<void>;
	waitFor(predicate: (frame: string) => boolean, timeoutMs?: number): Promise<string>;
	unmount(): void;
};

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export function renderAt(tree: ReactElement, size: {columns: number; rows: number}): Harness {
	const stdout = new FakeStdout(size.columns, size.rows);
	const stdin = new FakeStdin();
	const instance = render(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: new FakeStdout(size.columns, size.rows) as unknown as NodeJS.WriteStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const rawFrame = () => stdout.frames.at(-1) ?? '';
	const frame = () => stripVTControlCharacters(rawFrame());
	const harness: Harness = {
		stdout,
		rawFrame,
		frame,
		async press(...keys) {
			for (const key of keys) {
				stdin.write(key);
				await sleep(15);
			}
		},
		async type(text) {
			for (const char of text) await harness.press(char);
		},
		async waitFor(predicate, timeoutMs = 3000) {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				if (predicate(frame())) return frame();
				await sleep(10);
			}
			throw new Error(`waitFor timed out; last frame:\n${frame()}`);
		},
		unmount: () => instance.unmount(),
	};
	return harness;
}

export {hasColourEscapes} from '../helpers/tmux.js';
