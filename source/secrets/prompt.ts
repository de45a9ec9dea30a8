import {SecretStoreError} from './labels.js';

export const canPrompt = (): boolean => Boolean(process.stdin.isTTY && process.stderr.isTTY);

/**
 * Reads a secret from the terminal without echoing it. The question goes to stderr so stdout stays clean
 * for --json. With `until`, input continues over several lines (a pasted PEM) until the pattern matches.
 */
export function promptHidden(question: string, options: {until?: RegExp} = {}): Promise<string> {
	if (!canPrompt()) {
		return Promise.reject(new SecretStoreError('cannot ask for a secret without a terminal', 'unavailable'));
	}
	const stdin = process.stdin;
	process.stderr.write(question);
	return new Promise((resolve, reject) => {
		let typed = '';
		const finish = (error?: Error): void => {
			stdin.setRawMode(false);
			stdin.pause();
			stdin.off('data', onData);
			process.stderr.write('\n');
			if (error) reject(error);
			else resolve(typed);
		};
		const onData = (chunk: Buffer): void => {
			for (const char of chunk.toString('utf8')) {
				// Raw mode turns Ctrl-C into a byte instead of SIGINT: it is still an interruption (exit 130).
				if (char === '\u0003') return finish(new SecretStoreError('interrupted (Ctrl-C): nothing was changed', 'interrupted'));
				if (char === '\u0004') return finish();
				if (char === '\u007f' || char === '\b') {
					typed = typed.slice(0, -1);
					continue;
				}
				if (char === '\r' || char === '\n') {
					if (!options.until) return finish();
					typed += '\n';
					if (options.until.test(typed)) return finish();
					continue;
				}
				typed += char;
			}
		};
		stdin.setRawMode(true);
		stdin.resume();
		stdin.on('data', onData);
	});
}

/** Asks a yes/no question on the terminal; anything but y/yes is no. */
export function confirm(question: string): Promise<boolean> {
	if (!canPrompt()) return Promise.resolve(false);
	process.stderr.write(`${question} [y/N] `);
	return new Promise((resolve) => {
		process.stdin.resume();
		process.stdin.once('data', (chunk: Buffer) => {
			process.stdin.pause();
			resolve(/^\s*y(es)?\s*$/i.test(chunk.toString('utf8')));
		});
	});
}

/** Reads all of stdin (for --key-stdin), refusing more than `maxBytes`: a key is a few KB. */
export async function readAllStdin(maxBytes = 1024 * 1024): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of process.stdin) {
		size += (chunk as Buffer).length;
		if (size > maxBytes) {
			process.stdin.destroy();
			throw new SecretStoreError(`stdin holds more than ${Math.round(maxBytes / 1024)} KiB: not a key`, 'invalid');
		}
		chunks.push(Buffer.from(chunk as Buffer));
	}
	return Buffer.concat(chunks).toString('utf8');
}
