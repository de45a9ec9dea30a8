import {spawn} from 'node:child_process';
import {childEnv} from './childEnv.js';
import {SecretStoreError} from './labels.js';

// Backend 2: a command that prints the PEM (`pass show oag/gw1`, `op read op://vault/gw1/key`).
// Its stderr is swallowed: password managers sometimes print secrets or tokens there. Only the exit
// code is reported.

const DEFAULT_TIMEOUT_MS = 60_000; // long enough for a password manager's own unlock prompt
/** A PEM is a few KB: more output than this is not a key, and is not kept in memory. */
export const MAX_KEY_COMMAND_BYTES = 64 * 1024;
/**
 * After the command exits, output still in the pipe is read until it has been quiet this long. A child the
 * command left running in the background may hold stdout open for ever; we do not wait for it.
 */
const DRAIN_AFTER_EXIT_MS = 50;

export function keyCommandTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
	const value = Number(env.OAG_KEY_COMMAND_TIMEOUT);
	return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}

export function runKeyCommand(command: string, timeoutMs = keyCommandTimeoutMs()): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, {
			shell: true,
			// The command gets our environment (PATH, HOME, its own tokens) but not the key's passphrase or file.
			env: childEnv(),
			// A terminal stdin lets the command's own prompt (gpg pinentry, op) reach the user.
			stdio: [process.stdin.isTTY ? 'inherit' : 'ignore', 'pipe', 'pipe'],
			// Not detached: the command stays in our terminal's foreground group, so its own prompt can read
			// the terminal and Ctrl+C reaches it too.
		});
		const out: Buffer[] = [];
		let size = 0;
		let settled = false;
		let drain: NodeJS.Timeout | undefined;
		let exit: {code: number | null; signal: NodeJS.Signals | null} | undefined;

		const stopReading = (): void => {
			// A pipeline's other processes, or a background child, may still hold the pipes open.
			child.stdout.destroy();
			child.stderr.destroy();
		};
		const finish = (error?: SecretStoreError): void => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			clearTimeout(drain);
			stopReading();
			if (error) return reject(error);
			if (exit?.code !== 0) {
				return reject(new SecretStoreError(`the key command failed (exit ${exit?.code ?? exit?.signal ?? 'unknown'}; its output is not shown)`, 'failed'));
			}
			const text = Buffer.concat(out).toString('utf8');
			if (!text.trim()) return reject(new SecretStoreError('the key command printed nothing', 'missing'));
			resolve(text);
		};
		const drainThenFinish = (): void => {
			clearTimeout(drain);
			drain = setTimeout(() => finish(), DRAIN_AFTER_EXIT_MS);
		};

		child.stdout.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_KEY_COMMAND_BYTES) {
				child.kill('SIGKILL');
				return finish(new SecretStoreError(`the key command printed more than ${MAX_KEY_COMMAND_BYTES / 1024} KiB: not a key`, 'invalid'));
			}
			out.push(chunk);
			if (exit) drainThenFinish();
		});
		child.stderr.resume(); // drained, never shown
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			finish(new SecretStoreError(`the key command did not finish within ${timeoutMs / 1000} s`, 'timeout'));
		}, timeoutMs);
		child.on('error', () => finish(new SecretStoreError('the key command could not be started', 'failed')));
		child.on('exit', (code, signal) => {
			exit = {code, signal};
			drainThenFinish();
		});
		// All pipes closed: everything has been read, no need to wait out the drain.
		child.on('close', () => {
			if (exit) finish();
		});
	});
}
