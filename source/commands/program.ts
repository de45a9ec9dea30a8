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
		// Our own `help [command...]` (below) instead of commander's, which prints the whole usage for a typo.
		.helpCommand(false)
		// Before any subcommand exists, so they inherit it: failures reach runProgram's exit codes.
		.exitOverride();
	bindIo(program, io);
	addGlobalOptions(program);
	for (const register of commandRegistrations) register(program);
	addHelpCommand(program);
	rejectUnknownCommands(program);
	return program;
}

const unknownCommand = (typed: string, among: Command, path: string): CommandFailure => {
	const [suggestion] = closeMatches(typed, among.commands.map(command => command.name()), 1);
	const where = path === '' ? 'oag-offline help' : `oag-offline help ${path}`;
	return new CommandFailure(`unknown command '${typed}'${suggestion ? ` (did you mean ${suggestion}?)` : ''}: see \`${where}\``, EXIT.usage);
};

/** `oag-offline help`, `help status`, `help profile use`; a typo names the closest command. */
function addHelpCommand(program: Command): void {
	program
		.command('help')
		.argument('[command...]', 'the command to explain')
		.description('show help for a command')
		.action((names: string[]) => {
			let target = program;
			const path: string[] = [];
			for (const name of names) {
				const next = target.commands.find(command => command.name() === name || command.aliases().includes(name));
				if (!next) throw unknownCommand(name, target, path.join(' '));
				target = next;
				path.push(name);
			}
			target.help(); // prints to stdout and ends the run with a success
		});
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
		throw unknownCommand(program.args[0]!, program, '');
	});
}
