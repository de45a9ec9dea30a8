import {Option, type Command} from 'commander';

/** Flags every command understands (design section 4). Values fall back to the OAG_* environment. */
export type GlobalOptions = {
	profile?: string;
	host?: string;
	clientId?: string;
	keyFile?: string;
	caFile?: string;
	insecure?: boolean;
	json?: boolean;
	yes?: boolean;
	readOnly?: boolean;
	color?: boolean; // commander turns --no-color into color: false
};

export function addGlobalOptions(program: Command): Command {
	return program
		.addOption(new Option('--profile <name>', 'profile to use').env('OAG_PROFILE'))
		.addOption(new Option('--host <host>', 'gateway admin host: host, host:port or https://URL').env('OAG_HOST'))
		.addOption(new Option('--client-id <id>', 'API client id').env('OAG_CLIENT_ID'))
		.addOption(new Option('--key-file <file>', 'PKCS#8 private key of the API client, for this run').env('OAG_PRIVATE_KEY_FILE'))
		.addOption(new Option('--ca-file <file>', 'extra CA certificate (PEM) to trust').env('OAG_CA_FILE'))
		.option('--insecure', 'do not verify the gateway TLS certificate (loud)')
		.option('--json', 'machine-readable output')
		.option('--yes', 'do not ask for confirmation (needed without a TTY)')
		.option('--read-only', 'refuse every change')
		.option('--no-color', 'no colours (also NO_COLOR)');
}

export const globalsOf = (command: Command): GlobalOptions => command.optsWithGlobals<GlobalOptions>();
