import {Option, type Command} from 'commander';
import {CaFileError, readCaPem} from '../config/caFile.js';
import {preflightStepLine, preflightSummary, type PreflightReport} from '../domain/preflight.js';
import {withContext, type CommandContext} from './context.js';
import {secretFromEnvOrPrompt} from './secretInput.js';
import {wholeNumber} from './parsers.js';
import {CommandFailure, EXIT} from './run.js';

// `auth-service check-db --host H --port P --user U --database D`: the MySQL pre-flight from this machine
// (DNS, TCP, greeting, TLS, login, database, grants). It contacts no gateway. The gateway's server nodes
// are what really connect, from their own network: a pass here is good evidence, not proof.
//
// `--host` is also a global option (the gateway); commander hands a `--host` anywhere on the line to the
// program. So the database host is read from the words after `check-db`, and OAG_HOST never becomes it.

type CheckDbFlags = {port: number; user?: string; database?: string; dbCaFile?: string; timeout?: number};

/** The value of the last `--host H` / `--host=H` after the subcommand's name. */
export function optionAfter(rawArgs: readonly string[], subcommand: string, option: string): string | undefined {
	const start = rawArgs.indexOf(subcommand);
	if (start < 0) return undefined;
	let value: string | undefined;
	for (let i = start + 1; i < rawArgs.length; i++) {
		const word = rawArgs[i]!;
		if (word === '--') break;
		if (word === option && i + 1 < rawArgs.length) value = rawArgs[++i];
		else if (word.startsWith(`${option}=`)) value = word.slice(option.length + 1);
	}
	return value;
}

const rootOf = (command: Command): Command => (command.parent ? rootOf(command.parent) : command);
/** The words the program was parsed from (commander keeps them as rawArgs; not in its typings). */
const wordsOf = (command: Command): readonly string[] => (rootOf(command) as unknown as {rawArgs?: string[]}).rawArgs ?? [];

export function registerCheckDb(authService: Command): void {
	const checkDb = authService.command('check-db');
	checkDb
		.description('check the MySQL database from this machine: DNS, TCP, TLS, version, login, database, grants')
		.option('--host <host>', 'MySQL host (required)')
		.addOption(new Option('--port <port>', 'MySQL port').default(3306).argParser(wholeNumber(1, 65535)))
		.option('--user <user>', 'MySQL user (required); the password from OAG_DB_PASSWORD or a hidden prompt')
		.option('--database <name>', 'the database the service will use (required)')
		.option('--db-ca-file <pem>', "CA that signed the MySQL server's certificate, when it is a private one")
		.addOption(new Option('--timeout <seconds>', 'per step').default(5).argParser(wholeNumber(1, 120)))
		.action(
			withContext(async (ctx, flags: CheckDbFlags) => {
				const host = optionAfter(wordsOf(checkDb), 'check-db', '--host');
				const missing = [host ? '' : '--host', flags.user ? '' : '--user', flags.database ? '' : '--database'].filter(Boolean);
				if (missing.length > 0) throw new CommandFailure(`check-db needs ${missing.join(', ')}`, EXIT.usage);
				const ca = flags.dbCaFile === undefined ? undefined : await readCa(flags.dbCaFile);
				const password = await secretFromEnvOrPrompt(ctx, 'OAG_DB_PASSWORD', `Password of ${flags.user}@${host}: `);
				// Loaded here: mysql2 is a large part of the bundle, and no other command needs it.
				const {checkMysqlDatabase} = await import('../checks/mysql/index.js');
				const report = await checkMysqlDatabase(
					{host: host!, port: flags.port, user: flags.user!, password, database: flags.database!, timeoutMs: (flags.timeout ?? 5) * 1000, ...(ca ? {ca} : {})},
					{onStep: step => ctx.info(preflightStepLine(step))},
				);
				printReport(ctx, report);
			}),
		);
}

/** Through the one CA-file reader, as the TUI's enable form: a file without a readable PEM certificate is refused here, with its path. */
async function readCa(file: string): Promise<string> {
	try {
		return await readCaPem(file);
	} catch (error) {
		if (error instanceof CaFileError) throw new CommandFailure(error.message, EXIT.usage);
		throw error;
	}
}

function printReport(ctx: CommandContext, report: PreflightReport): void {
	// The steps went to stderr as they ran (text mode); stdout gets the verdict, or the whole report as JSON.
	ctx.print(report, r => preflightSummary(r));
	if (!report.ok) ctx.exitWith(EXIT.failure);
}
