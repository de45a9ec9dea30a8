import {KeychainRequest, type KeychainReply} from './keychainProtocol.js';

/**
 * Runs inside the short-lived worker process (`oag-offline __keychain`): performs one keychain call.
 * The parent kills this process when it takes too long: a locked keyring with a display can block forever.
 */
export async function performKeychainRequest(input: unknown): Promise<KeychainReply> {
	const parsed = KeychainRequest.safeParse(input);
	if (!parsed.success) return {ok: false, error: 'bad keychain request'};
	const request = parsed.data;
	try {
		// Loaded here, not at the top: the native addon is needed only in this process.
		const {AsyncEntry} = await import('@napi-rs/keyring');
		// Pin the Secret Service on Linux: the default falls back to the kernel keyring, which forgets on reboot.
		const entry = new AsyncEntry(request.service, request.account, {linux: {store: 'secret-service'}});
		switch (request.op) {
			case 'get':
				return {ok: true, secret: await entry.getPassword()};
			case 'set':
				await entry.setPassword(request.secret);
				return {ok: true};
			case 'delete':
				return {ok: true, deleted: await entry.deleteCredential()};
		}
	} catch (error) {
		// Keyring errors describe the store, never the secret; keep one line.
		const message = error instanceof Error ? error.message : String(error);
		return {ok: false, error: message.split('\n')[0]!.slice(0, 300)};
	}
}

/** Entry of the hidden `__keychain` subcommand: a JSON request on stdin, a JSON reply on stdout. */
export async function keychainWorkerMain(): Promise<void> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
	let input: unknown;
	try {
		input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
	} catch {
		input = undefined;
	}
	const reply = await performKeychainRequest(input);
	process.stdout.write(JSON.stringify(reply) + '\n');
}
