// The keychain worker: one keychain call per child process, so the parent can kill it when the call hangs
// (a locked keyring with a reachable display waits for an unlock prompt forever).
//
// It is a small CommonJS program passed to `node -e`, not a module of ours: started that way it needs
// neither the 5 MB bundle nor a TypeScript loader, so "no Secret Service" is answered in a fraction of a
// second, from source and from the bundle alike. argv[1] is the resolved path of @napi-rs/keyring.
// Protocol: one JSON request on stdin ({op, service, account, secret?, deadlineMs}), one JSON reply on stdout
// ({ok: true, secret?, deleted?} or {ok: false, error}). Errors describe the store, never the secret.

export const KEYCHAIN_WORKER_SOURCE = String.raw`
'use strict';
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
	let request;
	try {
		request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
	} catch {
		request = undefined;
	}
	// If the parent died before killing us, stop anyway shortly after its deadline. The keychain call runs
	// off the main thread, so this timer fires even while the call waits for a prompt.
	const deadlineMs = request && typeof request.deadlineMs === 'number' ? request.deadlineMs : 30000;
	setTimeout(() => process.exit(3), deadlineMs + 2000).unref();
	process.stdout.write(JSON.stringify(await perform(request)) + '\n');
});

async function perform(request) {
	const ok = request && typeof request === 'object' && ['get', 'set', 'delete'].includes(request.op) &&
		typeof request.service === 'string' && typeof request.account === 'string' &&
		(request.op !== 'set' || typeof request.secret === 'string');
	if (!ok) return {ok: false, error: 'bad keychain request'};
	try {
		const {AsyncEntry} = require(process.argv[1]);
		// Pin the Secret Service on Linux: the default falls back to the kernel keyring, which forgets on reboot.
		const entry = new AsyncEntry(request.service, request.account, {linux: {store: 'secret-service'}});
		if (request.op === 'get') return {ok: true, secret: await entry.getPassword()};
		if (request.op === 'set') {
			await entry.setPassword(request.secret);
			return {ok: true};
		}
		return {ok: true, deleted: await entry.deleteCredential()};
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return {ok: false, error: (message.split('\n')[0] || '').slice(0, 300)};
	}
}
`;
