import type {OagClient, OagClientOptions} from '../api/clientOptions.js';
import type {AuditLog} from '../audit/entry.js';
import {fileAuditLog} from '../audit/fileLog.js';
import {createOagStore, type OagStore, type OagStoreOptions} from '../store/createOagStore.js';
import {connectClient, type Connection} from './connect.js';

// The one place that builds a client and a store for a connection: the commands (through the command
// context), the TUI (tui.tsx storeFor, tuiSetup.ts after Setup) and the demo all open a gateway here.

/** A connection from flags/profile, or one made up by the demo or Setup (any key-location label). */
export type GatewayConnection = Omit<Connection, 'keyBackend'> & {keyBackend: string};

export type OpenGatewayOptions = {
	/** Client warnings (TLS verification off): the TUI collects them, commands print them to stderr. */
	onWarning?: (message: string) => void;
	/** Fetch the key now: an encrypted-file passphrase prompt must happen before Ink owns the terminal. */
	unlockKeyFirst?: boolean;
	/** The profile as the header shows it, when the connection has no profile (demo, flags only). */
	profileLabel?: string;
	client?: Partial<OagClientOptions>;
	/**
	 * `audit` is where changes are recorded: this machine's audit file unless given. The demo passes a
	 * memory log (memoryAuditLog): a simulated gateway has no place in the admin's real audit trail.
	 */
	store?: Partial<Omit<OagStoreOptions, 'api' | 'connection' | 'authState'>>;
};

export type Gateway = {
	client: OagClient;
	/** Its dispose() also closes the client, so a holder of only the store (the TUI) releases both. */
	store: OagStore;
	connection: GatewayConnection;
	/** The audit log the store's runner writes to; commands that run operations themselves use it too. */
	audit: AuditLog;
	/** Stops the store's pollers and closes the client's connections; safe to call twice. */
	dispose(): Promise<void>;
};

export async function openGateway(connection: GatewayConnection, options: OpenGatewayOptions = {}): Promise<Gateway> {
	if (options.unlockKeyFirst) await connection.privateKey();
	const client = connectClient(connection, {
		...(options.onWarning ? {onWarning: options.onWarning} : {}),
		...options.client,
	});
	const audit = options.store?.audit ?? fileAuditLog();
	const store = createOagStore({
		...options.store,
		audit,
		api: client,
		connection: {
			profile: connection.profileName ?? options.profileLabel ?? '(from flags)',
			host: new URL(client.baseUrl).host,
			keyBackend: connection.keyBackend,
			readOnly: connection.readOnly,
			insecure: connection.insecure,
		},
		authState: () => client.authState(),
	});
	let closing: Promise<void> | undefined;
	const disposeStore = store.dispose;
	const dispose = (): Promise<void> =>
		(closing ??= (async () => {
			disposeStore();
			await client.close();
		})());
	store.dispose = () => void dispose();
	return {client, store, connection, audit, dispose};
}
