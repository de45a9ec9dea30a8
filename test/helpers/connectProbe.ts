// A second process for the secret-store tests: resolves the connection exactly as commands do (flags, OAG_*,
// profile, stored key) and makes one read. Prints {keyBackend, idps} on success; failures go through
// runProgram, so its stderr is what an admin would see.
import {Command} from 'commander';
import {connectClient, resolveConnection} from '../../source/commands/connect.js';
import {addGlobalOptions, globalsOf} from '../../source/commands/globalOptions.js';
import {runProgram} from '../../source/commands/run.js';

const program = addGlobalOptions(new Command('probe')).action(async (_options: unknown, command: Command) => {
	const connection = await resolveConnection(globalsOf(command));
	const client = connectClient(connection, {retries: {max: 0}});
	try {
		const idps = await client.idps.list();
		process.stdout.write(JSON.stringify({keyBackend: connection.keyBackend, profile: connection.profileName, idps: idps.length}) + '\n');
	} finally {
		await client.close();
	}
});
await runProgram(program, process.argv);
