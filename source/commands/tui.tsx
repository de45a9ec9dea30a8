import {loadProfiles} from '../config/profiles.js';
import {fileAuditLog} from '../audit/fileLog.js';
import {createOagStore, type OagStore} from '../store/createOagStore.js';
import {hasInteractiveTerminal, NO_TTY_MESSAGE, runTui} from '../ui/runTui.js';
import {App} from '../ui/shell/App.js';
import {chooseTheme} from '../ui/theme/theme.js';
import {connectClient, resolveConnection, type Connection} from './connect.js';
import type {GlobalOptions} from './globalOptions.js';
import {CommandFailure, EXIT} from './run.js';
import {createSetupService} from './tuiSetup.js';

// `oag-offline` with no subcommand: the TUI for the resolved profile, or first-run Setup when there is
// no profile and no connection flags.

export function requireTerminal(): void {
	if (!hasInteractiveTerminal()) throw new CommandFailure(NO_TTY_MESSAGE, EXIT.usage);
}

/** Connects a store to a resolved connection; the key is fetched now, before Ink owns the terminal. */
export async function storeFor(connection: Connection, warnings: string[]): Promise<OagStore> {
	await connection.privateKey(); // an encrypted-file passphrase prompt must happen before raw mode
	const client = connectClient(connection, {onWarning: message => warnings.push(message)});
	const store = createOagStore({
		api: client,
		connection: {
			profile: connection.profileName ?? '(from flags)',
			host: new URL(client.baseUrl).host,
			keyBackend: connection.keyBackend,
			readOnly: connection.readOnly,
			insecure: connection.insecure,
		},
		authState: () => client.authState(),
		audit: fileAuditLog(),
	});
	const dispose = store.dispose;
	store.dispose = () => {
		dispose();
		void client.close();
	};
	return store;
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
	const store = firstRun ? undefined : await storeFor(await resolveForTui(globals, warnings), warnings);
	const openContext = async (name: string) => {
		const profile = profiles.profiles[name];
		if (profile?.keyBackend === 'encrypted-file' && !process.env.OAG_KEY_PASSPHRASE) {
			throw new Error('its key needs a passphrase: quit and run oag-offline --profile ' + name);
		}
		return storeFor(await resolveForTui({...globals, profile: name, host: undefined, clientId: undefined, keyFile: undefined}, warnings), warnings);
	};
	let current = store;
	await runTui(
		<App
			store={store}
			theme={theme}
			listContexts={() => names}
			openContext={async name => (current = await openContext(name))}
			setup={createSetupService({insecure: globals.insecure ?? false, readOnly: globals.readOnly ?? false})}
			startMessage={warnings[0]}
		/>,
		async () => current?.dispose(),
	);
}
