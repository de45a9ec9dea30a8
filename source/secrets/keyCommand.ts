import {spawn} from 'node:child_process';
import {childEnv} from './childEnv.js';
import {SecretStoreError} from './labels.js';

// Backend 2: a command that prints the PEM (`pass show oag/gw1`, `op read op://vault/gw1/key`).
// Its stderr is swallowed: password managers sometimes print secrets or tokens there. Only the exit
// code is reported.

const DEFAULT_TIMEOUT_MS = 60_000; // long enough for a password manager's own unlock prompt

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
		let timedOut = false;
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr.resume(); // drained, never shown
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
			// Answer now: a pipeline's other processes may still hold stdout open.
			child.stdout.destroy();
			child.stderr.destroy();
			reject(new SecretStoreError(`the key command did not finish within ${timeoutMs / 1000} s`, 'timeout'));
		}, timeoutMs);
		child.on('error', () => {
			clearTimeout(timer);
			reject(new SecretStoreError('the key command could not be started', 'failed'));
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (timedOut) return;
			if (code !== 0) {
				return reject(new SecretStoreError(`the key command failed (exit ${code ?? signal ?? 'unknown'}; its output is not shown)`, 'failed'));
			}
			const text = Buffer.concat(out).toString('utf8');
			if (!text.trim()) return reject(new SecretStoreError('the key command printed nothing', 'missing'));
			resolve(text);
		});
	});
}
