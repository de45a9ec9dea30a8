import {loadProfiles, profileNamed} from '../config/profiles.js';
import {loadStoredKey} from '../secrets/keyStore.js';
import {SecretStoreError} from '../secrets/labels.js';
import type {UnlockOutcome} from '../ui/screens/unlock/unlockForm.js';
import type {OagStore} from '../store/createOagStore.js';
import {hasInteractiveTerminal, NO_TTY_MESSAGE, runTui} from '../ui/runTui.js';
import {App} from '../ui/shell/App.js';
import {chooseTheme} from '../ui/theme/theme.js';
import {resolveConnection, type Connection} from './connect.js';
import {openGateway} from './gateway.js';
import type {GlobalOptions} from './globalOptions.js';
import {CommandFailure, EXIT} from './run.js';
import {createSetupService, heldKey} from './tuiSetup.js';

// `oag-offline` with no subcommand: the TUI for the resolved profile, or first-run Setup when there is
// no profile and no connection flags.

export function requireTerminal(): void {
	if (!hasInteractiveTerminal()) throw new CommandFailure(NO_TTY_MESSAGE, EXIT.usage);
}

/** Connects a store to a resolved connection; the key is fetched now, before Ink owns the terminal. */
export async function storeFor(connection: Connection, warnings: string[]): Promise<OagStore> {
	// The key first: a key command or keychain unlock runs before Ink owns the terminal. The store's dispose()
	// also closes the client, and is idempotent (the App disposes a store it drops, the TUI's exit the current one).
	const gateway = await openGateway(connection, {unlockKeyFirst: true, onWarning: message => warnings.push(message)});
	return gateway.store;
}

/**
 * Resolves a connection for the TUI. Warnings (the plaintext-storage one) are collected for the TUI to show:
 * written to stderr, they would vanish behind the alternate screen a moment later, or garble it once it is up.
 */
export function resolveForTui(globals: GlobalOptions, warnings: string[]): Promise<Connection> {
	return resolveConnection(globals, {onWarning: message => warnings.push(message)});
}

export async function openTui(globals: GlobalOptions): Promise<void> {
	requireTerminal();
	const theme = chooseTheme({color: globals.color});
	const profiles = await loadProfiles();
	const names = Object.keys(profiles.profiles).sort();
	const firstRun = names.length === 0 && !globals.host && !globals.clientId && !globals.profile;
	const warnings: string[] = [];
	// A profile whose key is passphrase-encrypted is unlocked in the TUI's own form, not by a prompt
	// before it starts (nor through the environment), unless OAG_KEY_PASSPHRASE is already set.
	const needsPassphrase = (name: string) =>
		profileNamed(profiles, name)?.keyBackend === 'encrypted-file' && !process.env.OAG_KEY_PASSPHRASE;
	const globalsFor = (name: string): GlobalOptions => ({...globals, profile: name, host: undefined, clientId: undefined, keyFile: undefined});
	const resolved = firstRun ? undefined : await resolveForTui(globals, warnings);
	const unlockAtStart = resolved?.profileName && !globals.keyFile && needsPassphrase(resolved.profileName) ? resolved.profileName : undefined;
	const store = resolved && !unlockAtStart ? await storeFor(resolved, warnings) : undefined;
	const openContext = async (name: string) => {
		if (needsPassphrase(name)) throw new Error('its key needs a passphrase');
		return storeFor(await resolveForTui(globalsFor(name), warnings), warnings);
	};
	const unlockContext = async (name: string, passphrase: string): Promise<UnlockOutcome> => {
		const profile = profileNamed(profiles, name);
		if (!profile) return {ok: false, message: `No profile named ${name}.`, wrongPassphrase: false};
		try {
			const connection = await resolveForTui(globalsFor(name), warnings);
			const pem = await loadStoredKey(name, profile, {passphrase: async () => passphrase});
			return {ok: true, store: (current = await storeFor({...connection, privateKey: heldKey(pem)}, warnings))};
		} catch (error) {
			const wrongPassphrase = error instanceof SecretStoreError && error.reason === 'refused';
			return {ok: false, message: error instanceof Error ? error.message : String(error), wrongPassphrase};
		}
	};
	let current = store;
	await runTui(
		<App
			store={store}
			theme={theme}
			listContexts={() => names}
			openContext={async name => (current = await openContext(name))}
			needsPassphrase={needsPassphrase}
			unlockContext={unlockContext}
			{...(unlockAtStart ? {unlockAtStart} : {})}
			setup={createSetupService({insecure: globals.insecure ?? false, readOnly: globals.readOnly ?? false})}
			startMessage={warnings[0]}
		/>,
		async () => current?.dispose(),
	);
}
