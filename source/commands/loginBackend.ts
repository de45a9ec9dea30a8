import type {AuthMode} from '../api/clientOptions.js';
import {isOagError} from '../api/errors.js';
import {LocalFileError} from '../config/fsErrors.js';
import {SCOPES, type Scope} from '../api/schemas/scopes.js';
import {MIN_PASSPHRASE_LENGTH} from '../secrets/encryptedFile.js';
import {ALTERNATIVES} from '../secrets/keychainDiagnosis.js';
import {keyLocationLabel, SecretStoreError} from '../secrets/labels.js';
import {storeKey, type StorageBackend} from '../secrets/keyStore.js';
import {canPrompt, confirm} from '../secrets/prompt.js';
import {connectClient, readCaFile} from './connect.js';
import {CommandFailure, EXIT} from './run.js';

export const BACKEND_CHOICES = ['keychain', 'encrypted-file', 'command', 'plaintext'] as const;

/** The backend login uses: explicit --backend, else implied by --key-command / --insecure-storage, else the keychain. */
export function chooseBackend(options: {backend?: string; keyCommand?: string; insecureStorage?: boolean}): StorageBackend {
	const backend = options.backend ?? (options.keyCommand ? 'command' : options.insecureStorage ? 'plaintext' : 'keychain');
	if (!(BACKEND_CHOICES as readonly string[]).includes(backend)) {
		throw new CommandFailure(`unknown --backend ${backend}: use ${BACKEND_CHOICES.join(', ')}`, EXIT.usage);
	}
	if (backend === 'plaintext' && !options.insecureStorage) {
		throw new CommandFailure('storing the key unencrypted needs --insecure-storage (and shows a warning on every run)', EXIT.usage);
	}
	if (backend === 'command' && !options.keyCommand) {
		throw new CommandFailure('--backend command needs --key-command CMD (a command that prints the PEM)', EXIT.usage);
	}
	const envPassphrase = process.env.OAG_KEY_PASSPHRASE;
	if (backend === 'encrypted-file' && envPassphrase && [...envPassphrase].length < MIN_PASSPHRASE_LENGTH) {
		// Said before the key is read or the gateway is asked, like the prompt would.
		throw new CommandFailure(`OAG_KEY_PASSPHRASE is too short for a new key file: use at least ${MIN_PASSPHRASE_LENGTH} characters`, EXIT.usage);
	}
	return backend as StorageBackend;
}

/** The CA bundle of an optional --ca-file, through the commands' one CA reader. */
export const readCa = async (file: string | undefined): Promise<string | undefined> => (file ? readCaFile(file) : undefined);

export type CredentialCheck = {authMode?: AuthMode; idps?: number; note?: string};

/** `--scopes "a,b"` or `"a b"` -> checked scope names. */
export function parseScopes(text: string | undefined): Scope[] | undefined {
	if (text === undefined) return undefined;
	const names = text.split(/[\s,]+/).filter(Boolean);
	const unknown = names.filter((name) => !(SCOPES as readonly string[]).includes(name));
	if (names.length === 0 || unknown.length > 0) {
		throw new CommandFailure(`unknown scope ${unknown[0] ?? '(none given)'}: use ${SCOPES.join(', ')}`, EXIT.usage);
	}
	return names as Scope[];
}

/** A failed check, worded for the command line, with the client's error kept as the cause. */
const checkFailure = (message: string, exitCode: number, cause: unknown): CommandFailure =>
	new CommandFailure(message, exitCode, undefined, undefined, {cause});

/**
 * Token + one read (the IdP list). A missing read scope still proves the key: the token was issued (no
 * `idps` then). Every failure keeps the client's error as its `cause`: the TUI's Setup reads the typed
 * kind from it to name the field to change.
 */
export async function checkCredentials(target: {host: string; clientId: string; caPem?: string; insecure: boolean; pem: string; scopes?: Scope[]}): Promise<CredentialCheck> {
	let authMode: AuthMode | undefined;
	let client;
	try {
		client = connectClient(
			{
				host: target.host,
				clientId: target.clientId,
				...(target.caPem ? {caPem: target.caPem} : {}),
				insecure: target.insecure,
				readOnly: true,
				keyBackend: 'file for this run',
				privateKey: async () => target.pem,
				...(target.scopes ? {scopes: target.scopes} : {}),
			},
			{onAuthModeDetected: (mode) => (authMode = mode), retries: {max: 1}},
		);
	} catch (error) {
		// The message says which setting is wrong (the host, or the client id): it is not always the host.
		throw checkFailure(error instanceof Error ? error.message : `cannot use host ${target.host}`, EXIT.usage, error);
	}
	try {
		const idps = await client.idps.list();
		return {authMode: authMode ?? client.authState().mode, idps: idps.length};
	} catch (error) {
		if (isOagError(error) && error.kind === 'missing-scope' && error.details.path?.endsWith('/oauth/token')) {
			// The token itself was refused: this client was given fewer scopes than we asked for.
			throw checkFailure(`${error.message} Pass login --scopes with the scopes this API client has. (nothing was stored)`, EXIT.auth, error);
		}
		if (isOagError(error) && error.kind === 'missing-scope') {
			return {authMode: authMode ?? client.authState().mode, note: 'credentials accepted; the IdP read scope is not granted'};
		}
		if (isOagError(error)) {
			const exit = error.kind === 'unauthorized' ? EXIT.auth : EXIT.failure;
			throw checkFailure(`the gateway refused the credentials check: ${error.message} (nothing was stored)`, exit, error);
		}
		throw error;
	} finally {
		await client.close();
	}
}

/**
 * Stores the key in the chosen backend, in the given key slot. When the keychain cannot be used, says why in
 * one line; at a terminal it offers the encrypted file explicitly, never silently. Returns the backend used.
 */
export async function storeWithExplicitFallback(
	slot: string,
	backend: StorageBackend,
	pem: string,
	options: {yes?: boolean},
): Promise<StorageBackend> {
	try {
		// With --yes or no terminal nobody can answer an unlock prompt: do not wait 30 s for one.
		await storeKey(slot, backend, pem, {onWaiting: waitingNotice, unattended: options.yes === true || !canPrompt()});
		return backend;
	} catch (error) {
		if (error instanceof LocalFileError) {
			throw new CommandFailure(`cannot store the key (${keyLocationLabel(backend)}): ${error.message}; nothing changed`, EXIT.failure);
		}
		if (!(error instanceof SecretStoreError)) throw error;
		if (backend !== 'keychain' || !['unavailable', 'locked', 'timeout'].includes(error.reason)) {
			throw new CommandFailure(`cannot store the key (${keyLocationLabel(backend)}): ${error.message}`, EXIT.failure);
		}
		if (options.yes || !canPrompt()) {
			throw new CommandFailure(`${error.message}. Nothing was stored.`, EXIT.failure);
		}
		process.stderr.write(`oag-offline: ${error.message}\n`);
		if (!(await confirm('Store the key in a passphrase-encrypted file instead?'))) {
			throw new CommandFailure(`nothing was stored; ${ALTERNATIVES}`, EXIT.failure);
		}
		try {
			await storeKey(slot, 'encrypted-file', pem);
		} catch (fallbackError) {
			const message = fallbackError instanceof Error ? fallbackError.message : 'failed';
			throw new CommandFailure(`cannot store the key (encrypted file): ${message}`, EXIT.failure);
		}
		return 'encrypted-file';
	}
}

const waitingNotice = (): void => {
	process.stderr.write('oag-offline: waiting for the keychain (unlock it if it asks; Ctrl+C to cancel)...\n');
};
