import {InvalidArgumentError, Option, type Command} from 'commander';
import {APP_STATES, type AppStateValue} from '../api/schemas/apps.js';
import {parseDuration} from '../audit/since.js';
import {appsListCommand} from './appsList.js';
import {appsAccessPolicyCommand, appsGroupsCommand} from './appsPolicy.js';
import {appsStateCommand} from './appsState.js';
import {appsUndoCommand} from './appsUndo.js';
import {dryRunOption, withContext} from './context.js';
import {choice, wholeNumber} from './parsers.js';
import {CommandFailure, EXIT} from './run.js';

// `oag-offline apps ...`: the non-interactive twins of the Apps screens (design section 4), each on the
// command context (APP by id or unique name, --json, --yes, --dry-run, exit codes).

const appState = choice(APP_STATES, 'state');
const concurrencyOption = () =>
	new Option('--concurrency <n>', 'requests at the same time (default 8)').argParser(wholeNumber(1, 64));
const durationOf = (text: string): number => {
	const ms = parseDuration(text);
	if (ms === undefined) throw new InvalidArgumentError('expected a duration like 30m, 2h or 7d (units s, m, h, d, w)');
	return ms;
};
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerApps(program: Command): void {
	const apps = program.command('apps').description('apps: offline state (INACTIVE, TEST, ACTIVE), who may sign in offline, undo');
	apps
		.command('list')
		.description('every app with its offline state')
		.addOption(new Option('--state <state>', 'only apps in this state').argParser(appState))
		.addOption(concurrencyOption())
		.action(withContext(async (ctx, options: {state?: AppStateValue; concurrency?: number}) => appsListCommand(ctx, options)));
	apps
		.command('state')
		.description('set the offline state of apps: shows the plan, asks once (type the word), then changes and verifies each app')
		.argument('<args...>', 'APP... (id or unique name) then INACTIVE|TEST|ACTIVE; with --all-in-state only the new state')
		.addOption(new Option('--all-in-state <state>', 'every app now in this state (e.g. --all-in-state TEST ACTIVE)').argParser(appState))
		.addOption(concurrencyOption())
		.addOption(dryRunOption())
		.action(
			withContext(async (ctx, args: string[], options: {allInState?: AppStateValue; concurrency?: number}) => {
				const last = args.at(-1) ?? '';
				let to: AppStateValue;
				try {
					to = appState(last);
				} catch (error) {
					throw new CommandFailure(`the last argument must be the new state: ${(error as Error).message}`, EXIT.usage);
				}
				await appsStateCommand(ctx, args.slice(0, -1), options, to);
			}),
		);
	apps
		.command('groups')
		.description('set the offline group policy of an app (gateways before 2026.09.1; Everyone = all users)')
		.argument('<app>', 'app id or unique name')
		.argument('<groups...>', 'group names')
		.addOption(dryRunOption())
		.action(withContext(async (ctx, app: string, groups: string[]) => appsGroupsCommand(ctx, app, groups)));
	apps
		.command('access-policy')
		.description("assign an offline access policy of the app's IdP (gateways from 2026.09.1); --create makes it first")
		.argument('<app>', 'app id or unique name')
		.argument('<policy>', 'access policy id or unique name (with --create: the new name)')
		.option('--create', 'create the policy: password sign-in for the --group groups')
		.option('--group <name>', 'a group the new policy admits (repeat for more)', collect)
		.addOption(dryRunOption())
		.action(
			withContext(async (ctx, app: string, policy: string, options: {create?: boolean; group?: string[]}) =>
				appsAccessPolicyCommand(ctx, app, policy, options),
			),
		);
	apps
		.command('undo')
		.description('put back the offline states recorded before the last bulk change (or every change of the last DURATION)')
		.option('--last', 'the last change (the default)')
		.addOption(new Option('--since <duration>', 'every change of the last DURATION: 30m, 2h, 7d').argParser(durationOf))
		.addOption(concurrencyOption())
		.addOption(dryRunOption())
		.action(withContext(async (ctx, options: {last?: boolean; since?: number; concurrency?: number}) => appsUndoCommand(ctx, options)));
}
