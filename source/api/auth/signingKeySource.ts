import {importSigningKey, type SigningKey} from './assertion.js';

// The private key is fetched when first needed (it may come from a keychain or a command that prompts) and
// then kept only as an imported, non-extractable key in memory for the client's life. The PEM text itself
// is dropped after import.

export type PrivateKeySource = string | (() => Promise<string>);

export function lazySigningKey(source: PrivateKeySource): () => Promise<SigningKey> {
	let remaining: PrivateKeySource | undefined = source;
	let pending: Promise<SigningKey> | undefined;

	async function load(): Promise<SigningKey> {
		const current = remaining;
		if (current === undefined) throw new Error('The private key is no longer available');
		// A failing source (a locked keychain, a timed-out command) may succeed later, so it is asked again.
		const pem = typeof current === 'string' ? current : await current().catch((error: unknown) => {
			pending = undefined;
			throw error;
		});
		// A PEM that does not import stays broken: the failure is cached like a success.
		const key = await importSigningKey(pem);
		remaining = undefined;
		return key;
	}

	return () => {
		pending ??= load();
		return pending;
	};
}
