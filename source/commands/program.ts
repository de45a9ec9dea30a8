import {Command} from 'commander';
import {addGlobalOptions} from './globalOptions.js';
import {commandRegistrations} from './registrations.js';

export function buildProgram(): Command {
	const program = addGlobalOptions(
		new Command('oag-offline')
			.description('Configure and watch offline mode of Okta Access Gateway')
			.version(process.env.OAG_OFFLINE_VERSION ?? '0.1.0')
			.showHelpAfterError()
			// Before any subcommand exists, so they inherit it: failures reach runProgram's exit codes.
			.exitOverride(),
	);
	for (const register of commandRegistrations) register(program);
	return program;
}
