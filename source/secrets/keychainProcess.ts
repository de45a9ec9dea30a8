import {spawn} from 'node:child_process';
import {createRequire} from 'node:module';
import {childEnv} from './childEnv.js';
import {classifyKeychainFailure, timeoutMessage} from './keychainDiagnosis.js';
import {SecretStoreError} from './labels.js';
import {KeychainReply, type KeychainRequest} from './keychainProtocol.js';
import {KEYCHAIN_WORKER_SOURCE} from './keychainWorkerSource.js';

// Every keychain call runs in a child process that is killed on timeout: a locked keyring with a reachable
// display makes the Secret Service wait for an unlock prompt, and that call never returns to JavaScript.

export const DEFAULT_READ_TIMEOUT_MS = 3_000;
/** Writes happen in login, at a terminal, where an unlock prompt may need the admin's attention. */
export const DEFAULT_WRITE_TIMEOUT_MS = 30_000;

export function keychainTimeoutMs(kind: 'read' | 'write', env: NodeJS.ProcessEnv = process.env): number {
	const value = Number(env.OAG_KEYCHAIN_TIMEOUT);
	if (Number.isFinite(value) && value > 0) return value;
	return kind === 'read' ? DEFAULT_READ_TIMEOUT_MS : DEFAULT_WRITE_TIMEOUT_MS;
}

/**
 * The worker runs as `node -e <source> <keyring module path>`. The module path is resolved from this file,
 * which in the bundle is dist/cli.js, so the installed package's own @napi-rs/keyring is used.
 */
export function workerCommand(moduleUrl: string = import.meta.url): {command: string; args: string[]} {
	const keyringModule = createRequire(moduleUrl).resolve('@napi-rs/keyring');
	return {command: process.execPath, args: ['-e', KEYCHAIN_WORKER_SOURCE, keyringModule]};
}

export type KeychainCallOptions = {timeoutMs: number; env?: NodeJS.ProcessEnv; onWaiting?: () => void};

export function callKeychain(request: KeychainRequest, options: KeychainCallOptions): Promise<KeychainReply & {ok: true}> {
	const {command, args} = workerCommand();
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			stdio: ['pipe', 'pipe', 'pipe'],
			// D-Bus and display variables reach the worker; the key's passphrase and key file path do not.
			env: childEnv(options.env ?? process.env),
			// Not detached: Ctrl+C at the terminal reaches the worker too. The worker also stops itself
			// shortly after the deadline (see keychainWorkerSource.ts), in case this process dies first.
		});
		const out: Buffer[] = [];
		let timedOut = false;
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr.resume(); // never shown: the worker reports errors in its reply
		const waitingNotice = options.onWaiting ? setTimeout(options.onWaiting, 1_000) : undefined;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
			// Answer now rather than on 'close': a grandchild holding the pipes must not extend the wait.
			child.stdout.destroy();
			child.stderr.destroy();
			settle();
			reject(new SecretStoreError(timeoutMessage(options.timeoutMs), 'timeout'));
		}, options.timeoutMs);
		const settle = (): void => {
			clearTimeout(timer);
			clearTimeout(waitingNotice);
		};
		child.on('error', () => {
			settle();
			reject(new SecretStoreError('the keychain helper process could not be started', 'failed'));
		});
		child.on('close', () => {
			if (timedOut) return;
			settle();
			let reply: KeychainReply;
			try {
				reply = KeychainReply.parse(JSON.parse(Buffer.concat(out).toString('utf8')));
			} catch {
				return reject(new SecretStoreError('the keychain helper gave no answer', 'failed'));
			}
			if (reply.ok) resolve(reply);
			else reject(classifyKeychainFailure(reply.error, options.env ?? process.env));
		});
		child.stdin.on('error', () => undefined); // the worker may die before reading; 'close' reports it
		child.stdin.end(JSON.stringify({...request, deadlineMs: options.timeoutMs}));
	});
}
