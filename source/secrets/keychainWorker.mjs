// The keychain worker: one keychain call per process, so the parent can kill it when the call hangs
// (a locked keyring with a reachable display waits for an unlock prompt forever).
// Plain JavaScript on purpose: run from source it starts without a TypeScript loader, which keeps the
// "no Secret Service" answer well under a second. The bundle reaches it as `oag-offline __keychain`.
import {pathToFileURL} from 'node:url';

const OPS = new Set(['get', 'set', 'delete']);

/** @param {unknown} input */
function parseRequest(input) {
	if (typeof input !== 'object' || input === null) return undefined;
	const {op, service, account, secret} = /** @type {Record<string, unknown>} */ (input);
	if (typeof op !== 'string' || !OPS.has(op) || typeof service !== 'string' || typeof account !== 'string') return undefined;
	if (op === 'set' && typeof secret !== 'string') return undefined;
	return {op, service, account, secret: typeof secret === 'string' ? secret : ''};
}

/** @param {unknown} input */
export async function performKeychainRequest(input) {
	const request = parseRequest(input);
	if (!request) return {ok: false, error: 'bad keychain request'};
	try {
		// Loaded here: the native addon is needed only in this process.
		const {AsyncEntry} = await import('@napi-rs/keyring');
		// Pin the Secret Service on Linux: the default falls back to the kernel keyring, which forgets on reboot.
		const entry = new AsyncEntry(request.service, request.account, {linux: {store: 'secret-service'}});
		if (request.op === 'get') return {ok: true, secret: await entry.getPassword()};
		if (request.op === 'set') {
			await entry.setPassword(request.secret);
			return {ok: true};
		}
		return {ok: true, deleted: await entry.deleteCredential()};
	} catch (error) {
		// Keyring errors describe the store, never the secret; keep one line.
		const message = error instanceof Error ? error.message : String(error);
		return {ok: false, error: (message.split('\n')[0] ?? '').slice(0, 300)};
	}
}

/** A JSON request on stdin, a JSON reply on stdout. */
export async function keychainWorkerMain() {
	const chunks = [];
	for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
	let input;
	try {
		input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
	} catch {
		input = undefined;
	}
	// The parent kills us at its deadline; if the parent itself died, stop on our own a little later rather
	// than wait for an unlock prompt forever. The keychain call runs off the main thread, so this timer fires.
	const deadlineMs = typeof input?.deadlineMs === 'number' ? input.deadlineMs : 30_000;
	setTimeout(() => process.exit(3), deadlineMs + 2_000).unref();
	process.stdout.write(JSON.stringify(await performKeychainRequest(input)) + '\n');
}

// Run directly only as this very file: inside the bundle import.meta.url is dist/cli.js, which is also argv[1].
const runAsWorker = import.meta.url.endsWith('/keychainWorker.mjs') && process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAsWorker) await keychainWorkerMain();
