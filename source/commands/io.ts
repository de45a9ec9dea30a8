import type {Readable} from 'node:stream';
import {promptHidden} from '../secrets/prompt.js';

/**
 * The streams a command uses, injectable so that tests run commands in-process and read what they printed.
 * Results go to stdout, progress and warnings to stderr (so `--json` output stays parseable).
 */
export type CommandIo = {
	stdout: {write(text: string): unknown};
	stderr: {write(text: string): unknown};
	stdin: Readable;
	/** A person can answer a prompt: stdin and stderr (where prompts go) are both terminals. */
	interactive: boolean;
	/** Reads one line typed at the terminal; the question goes to stderr. Only called when interactive. */
	readLine(question: string): Promise<string>;
	/** Like readLine, without echoing what is typed (a DB password). Absent: no way to ask for a secret. */
	readHidden?(question: string): Promise<string>;
};

export function processIo(): CommandIo {
	return {
		stdout: process.stdout,
		stderr: process.stderr,
		stdin: process.stdin,
		interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
		readLine: question => readLineFrom(process.stdin, process.stderr, question),
		readHidden: question => promptHidden(question),
	};
}

/** One line from a stream (a terminal in cooked mode delivers whole lines); Ctrl-D answers ''. */
export function readLineFrom(stdin: Readable, stderr: CommandIo['stderr'], question: string): Promise<string> {
	stderr.write(question);
	return new Promise(resolve => {
		let typed = '';
		const finish = (): void => {
			stdin.off('data', onData);
			stdin.off('end', finish);
			stdin.pause();
			resolve(typed.replace(/\r?\n[\s\S]*$/, ''));
		};
		const onData = (chunk: Buffer | string): void => {
			typed += chunk.toString();
			if (typed.includes('\n')) finish();
		};
		stdin.on('data', onData);
		stdin.once('end', finish);
		stdin.resume();
	});
}

/** Reads all of stdin, for `--file -`; undefined once it exceeds maxBytes (it stops reading there). */
export async function readAll(stdin: Readable, maxBytes = Number.POSITIVE_INFINITY): Promise<string | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stdin) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
		size += buffer.length;
		if (size > maxBytes) {
			stdin.destroy();
			return undefined;
		}
		chunks.push(buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}
