import {createOagStore} from '../store/createOagStore.js';
import {SecretStoreError} from '../secrets/labels.js';
import {storeKey} from '../secrets/keyStore.js';
import {checkPrivateKeyPem, type CheckedKey} from '../secrets/pem.js';
import type {SetupField, SetupOutcome, SetupService, SetupValues} from '../ui/screens/setup/setupForm.js';
import {connectClient, keyLocationLabel} from './connect.js';
import {checkCredentials, readCa} from './loginBackend.js';
import {commitLogin} from './loginStore.js';
import {CommandFailure} from './run.js';

// The `login` flow for the TUI's first-run Setup screen: the same checks and stores as `oag-offline login`,
// reporting into the form instead of stderr. The key goes to the OS keychain; where there is none, the
// message points at `login --backend encrypted-file`, which can ask for a passphrase outside the TUI.

const failure = (message: string, fieldErrors?: Partial<Record<SetupField, string>>): SetupOutcome => ({
	ok: false,
	message,
	...(fieldErrors ? {fieldErrors} : {}),
});

/**
 * The new connection's key function, made outside `connect` so that its closure holds the PEM and nothing
 * else: the store keeps closures of `connect` alive (authState), and those must not keep the key too.
 */
const heldKey =
	(pem: string): (() => Promise<string>) =>
	async () =>
		pem;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createSetupService(options: {insecure: boolean; readOnly: boolean}): SetupService {
	return {
		async connect(values: SetupValues, progress): Promise<SetupOutcome> {
			let checked: CheckedKey;
			try {
				checked = checkPrivateKeyPem(values.privateKeyPem);
			} catch (error) {
				return failure('The key is not usable.', {privateKeyPem: messageOf(error)});
			}
			const fingerprint = checked.fingerprint;
			const host = values.host.trim();
			const clientId = values.clientId.trim();
			const profile = values.profile.trim();
			const caFile = values.caFile.trim() || undefined;
			let caPem: string | undefined;
			try {
				caPem = await readCa(caFile);
			} catch (error) {
				return failure('The CA file cannot be read.', {caFile: messageOf(error)});
			}
			progress(`Checking the credentials against ${host}…`);
			let authMode;
			try {
				const check = await checkCredentials({host, clientId, ...(caPem ? {caPem} : {}), insecure: options.insecure, pem: checked.pem});
				authMode = check.authMode;
				progress(check.note ?? `Credentials accepted (${check.idps ?? 0} IdPs readable).`);
			} catch (error) {
				return failure(error instanceof CommandFailure ? error.message : `Check failed: ${messageOf(error)}`);
			}
			progress('Storing the key in the OS keychain…');
			// The same transaction as login: new key in a fresh slot, profile switch, then the old key removed.
			let storeFailed = false;
			try {
				await commitLogin({
					profileName: profile,
					storeIn: async slot => {
						try {
							await storeKey(slot, 'keychain', checked.pem);
						} catch (error) {
							storeFailed = true;
							throw error;
						}
						return 'keychain';
					},
					warn: line => progress(line),
					build: (_previous, used, slot) => ({
						host,
						clientId,
						...(caFile ? {caFile} : {}),
						keyBackend: used,
						keyFingerprint: fingerprint,
						...(slot === profile ? {} : {keySlot: slot}),
						...(authMode ? {authMode} : {}),
						...(options.insecure ? {defaults: {insecure: true}} : {}),
					}),
				});
			} catch (error) {
				const why = error instanceof SecretStoreError || error instanceof CommandFailure ? error.message : messageOf(error);
				if (!storeFailed) return failure(`${why}.`);
				return failure(
					`Cannot store the key in the keychain (${why}). Nothing was stored. In a shell, run: oag-offline login --profile ${profile} --host ${host} --client-id ${clientId} --backend encrypted-file --key-file FILE`,
				);
			}
			progress(`Saved profile ${profile}; it is now the current profile.`);
			const client = connectClient({
				host,
				clientId,
				...(caPem ? {caPem} : {}),
				insecure: options.insecure,
				readOnly: options.readOnly,
				profileName: profile,
				keyBackend: keyLocationLabel('keychain'),
				privateKey: heldKey(checked.pem),
				...(authMode ? {authMode} : {}),
			});
			const store = createOagStore({
				api: client,
				connection: {profile, host, keyBackend: keyLocationLabel('keychain'), readOnly: options.readOnly, insecure: options.insecure},
				authState: () => client.authState(),
			});
			return {ok: true, store, note: `Connected to ${host} as profile ${profile}.`};
		},
	};
}
