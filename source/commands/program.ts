import {Command} from 'commander';
import {addGlobalOptions} from './globalOptions.js';
import {processIo, type CommandIo} from './io.js';
import {commandRegistrations} from './registrations.js';
import {bindIo, CommandFailure, EXIT} from './run.js';
import {closeMatches} from './suggest.js';

/** The whole CLI. Tests pass their own io and run it in-process with executeProgram. */
export function buildProgram(io: CommandIo = processIo()): Command {
	const program = new Command('oag-offline')
		.description('Configure and watch offline mode of Okta Access Gateway')
		.version(process.env.OAG_OFFLINE_VERSION ?? '0.1.0')
		.showHelpAfterError('(run `oag-offline help` or `oag-offline help COMMAND` for usage)')
		.showSuggestionAfterError()
		// `oag-offline help status`: commander adds a help command only to programs without an action,
		// and ours has one (the TUI), so ask for it.
		.helpCommand(true)
		// Before any subcommand exists, so they inherit it: failures reach runProgram's exit codes.
		.exitOverride();
	bindIo(program, io);
	addGlobalOptions(program);
	for (const register of commandRegistrations) register(program);
	rejectUnknownCommands(program);
	return program;
}

/**
 * The program's own action starts the TUI, so commander would read `oag-offline statsu` as an extra argument
 * ("too many arguments") instead of an unknown command. Set after the subcommands exist (they must keep
 * refusing extra arguments): the root lets operands through and this hook names the command instead.
 */
function rejectUnknownCommands(program: Command): void {
	program.allowExcessArguments(true);
	program.hook('preAction', (_hooked, actionCommand) => {
		if (actionCommand !== program || program.args.length === 0) return;
		const typed = program.args[0]!;
		const names = program.commands.map(command => command.name());
		const [suggestion] = closeMatches(typed, names, 1);
		throw new CommandFailure(`unknown command '${typed}'${suggestion ? ` (did you mean ${suggestion}?)` : ''}: see \`oag-offline help\``, EXIT.usage);
	});
}
