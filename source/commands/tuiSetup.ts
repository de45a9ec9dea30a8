import type {AuthMode} from '../api/clientOptions.js';
import {SecretStoreError} from '../secrets/labels.js';
import {storeKey} from '../secrets/keyStore.js';
import {checkPrivateKeyPem, type CheckedKey} from '../secrets/pem.js';
import {setupFailureFrom} from '../ui/screens/setup/setupErrors.js';
import type {SetupFailure, SetupField, SetupOutcome, SetupService, SetupTestOutcome, SetupValues} from '../ui/screens/setup/setupForm.js';
import {keyLocationLabel} from './connect.js';
import {checkCredentials, readCa} from './loginBackend.js';
import {openGateway} from './gateway.js';
import {commitLogin} from './loginStore.js';
import {CommandFailure} from './run.js';

// The `login` flow for the TUI's first-run Setup screen: the same checks and stores as `oag-offline login`,
// reporting into the form instead of stderr. The key goes to the OS keychain or, where there is none (a
// server, an SSH session without D-Bus), to the passphrase-encrypted file with the passphrase typed in the
// form. Failures name their cause and the field to change (setupErrors.ts).

const failure = (message: string, fieldErrors?: Partial<Record<SetupField, string>>): SetupFailure => ({
	ok: false,
	message,
	...(fieldErrors ? {fieldErrors} : {}),
});

/**
 * The new connection's key function, made outside `connect` so that its closure holds the PEM and nothing
 * else: the store keeps closures of `connect` alive (authState), and those must not keep the key (or the
 * passphrase) too.
 */
export const heldKey =
	(pem: string): (() => Promise<string>) =>
	async () =>
		pem;

const heldPassphrase =
	(passphrase: string): (() => Promise<string>) =>
	async () =>
		passphrase;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

type Prepared = {checked: CheckedKey; host: string; clientId: string; caFile?: string; caPem?: string};

async function prepare(values: SetupValues): Promise<Prepared | SetupFailure> {
	let checked: CheckedKey;
	try {
		checked = checkPrivateKeyPem(values.privateKeyPem);
	} catch (error) {
		return failure('The key is not usable.', {privateKeyPem: messageOf(error)});
	}
	const caFile = values.caFile.trim() || undefined;
	let caPem: string | undefined;
	try {
		caPem = await readCa(caFile);
	} catch (error) {
		return failure('The CA file cannot be read.', {caFile: messageOf(error)});
	}
	return {checked, host: values.host.trim(), clientId: values.clientId.trim(), ...(caFile ? {caFile} : {}), ...(caPem ? {caPem} : {})};
}

type Probe = {ok: true; authMode?: AuthMode; note: string} | SetupFailure;

/** A token and one read (the IdP list): `login`'s own check, its failures put back on the form's fields. */
async function probe(target: Prepared, insecure: boolean): Promise<Probe> {
	try {
		const check = await checkCredentials({
			host: target.host,
			clientId: target.clientId,
			...(target.caPem ? {caPem: target.caPem} : {}),
			insecure,
			pem: target.checked.pem,
		});
		const note = check.idps === undefined ? 'Credentials accepted; the IdP read scope is not granted.' : `Credentials accepted (${check.idps} IdPs readable).`;
		return {ok: true, authMode: check.authMode, note};
	} catch (error) {
		return probeFailure(error, target.host);
	}
}

/**
 * `login`'s failure, decided from the client error it keeps as its cause (never from its wording): a
 * gateway's answer, or a setting the client refused before sending anything (which names its field).
 */
function probeFailure(error: unknown, host: string): SetupFailure {
	const cause = error instanceof CommandFailure && error.cause !== undefined ? error.cause : error;
	return setupFailureFrom(cause, host);
}

export function createSetupService(options: {insecure: boolean; readOnly: boolean}): SetupService {
	return {
		async test(values, progress): Promise<SetupTestOutcome> {
			const prepared = await prepare(values);
			if (!('checked' in prepared)) return prepared;
			progress(`Checking the credentials against ${prepared.host}…`);
			const checked = await probe(prepared, options.insecure);
			return checked.ok ? {ok: true, note: `${checked.note} Nothing was stored yet.`} : checked;
		},

		async connect(values: SetupValues, progress): Promise<SetupOutcome> {
			const prepared = await prepare(values);
			if (!('checked' in prepared)) return prepared;
			const {checked, host, clientId, caFile, caPem} = prepared;
			const profile = values.profile.trim();
			const backend = values.backend;
			progress(`Checking the credentials against ${host}…`);
			const probed = await probe(prepared, options.insecure);
			if (!probed.ok) return probed;
			progress(probed.note);
			progress(backend === 'keychain' ? 'Storing the key in the OS keychain…' : 'Storing the key in a passphrase-encrypted file…');
			let storeFailed = false;
			try {
				// The same transaction as login: the new key in a fresh slot, the profile switch, then the old key removed.
				await commitLogin({
					profileName: profile,
					storeIn: async slot => {
						try {
							await storeKey(slot, backend, checked.pem, backend === 'encrypted-file' ? {passphrase: heldPassphrase(values.passphrase)} : {});
						} catch (error) {
							storeFailed = true;
							throw error;
						}
						return backend;
					},
					warn: line => progress(line),
					build: (_previous, used, slot) => ({
						host,
						clientId,
						...(caFile ? {caFile} : {}),
						keyBackend: used,
						keyFingerprint: checked.fingerprint,
						...(slot === profile ? {} : {keySlot: slot}),
						...(probed.authMode ? {authMode: probed.authMode} : {}),
						...(options.insecure ? {defaults: {insecure: true}} : {}),
					}),
				});
			} catch (error) {
				const why = error instanceof SecretStoreError || error instanceof CommandFailure ? error.message : messageOf(error);
				if (!storeFailed) return failure(`${why}.`);
				if (backend === 'keychain') {
					return failure(`Cannot store the key in the keychain (${why}). Nothing was stored.`, {
						backend: 'No usable keychain here: choose "Encrypted file" (→) and give a passphrase.',
					});
				}
				return failure(`Cannot store the key in the encrypted file (${why}). Nothing was stored.`);
			}
			progress(`Saved profile ${profile}; it is now the current profile.`);
			// openGateway: the header shows the host as the client reaches it (no scheme), the store writes this
			// machine's audit file, and its dispose() is idempotent (the App and the TUI's exit both call it).
			const {store, client} = await openGateway({
				host,
				clientId,
				...(caPem ? {caPem} : {}),
				insecure: options.insecure,
				readOnly: options.readOnly,
				profileName: profile,
				keyBackend: keyLocationLabel(backend),
				privateKey: heldKey(checked.pem),
				...(probed.authMode ? {authMode: probed.authMode} : {}),
			});
			const reached = new URL(client.baseUrl).host;
			return {ok: true, store, note: `Connected to ${reached} as profile ${profile}.`};
		},
	};
}
