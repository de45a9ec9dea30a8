import type {Command} from 'commander';
import {letInkDrawInTerminal} from '../ui/terminalEnvironment.js';
import {DEMO_OUTAGE_AFTER_SECONDS, type DemoOptions} from './demoOptions.js';
import {globalsOf} from './globalOptions.js';
import {scenario, wholeNumber} from './parsers.js';

// The TUI and the demo register here, light; Ink, React and the simulator load only when they run,
// so `status` and the other subcommands start without parsing them.

export function registerTui(program: Command): void {
	program.action(async (_options: unknown, command: Command) => {
		letInkDrawInTerminal(); // before Ink is imported: with CI=true it would draw nothing until exit
		const {openTui} = await import('./tui.js');
		await openTui(globalsOf(command));
	});
}

export function registerDemo(program: Command): void {
	program
		.command('demo')
		.description('the TUI against the embedded simulator (no setup, nothing leaves this machine)')
		.option('--scenario <name>', 'outage: the IdP outage begins after a while and health turns UNHEALTHY', scenario)
		.option('--apps <n>', 'number of simulated apps', wholeNumber(0, 100_000))
		.option(
			'--outage-after <seconds>',
			`seconds until the outage of --scenario outage (default ${DEMO_OUTAGE_AFTER_SECONDS}, or OAG_DEMO_OUTAGE_AFTER)`,
			wholeNumber(0, 86_400),
		)
		.action(async (options: DemoOptions, command: Command) => {
			letInkDrawInTerminal(); // before Ink is imported: with CI=true it would draw nothing until exit
			const {runDemo} = await import('./demo.js');
			await runDemo(options, globalsOf(command));
		});
}
