import {notOnList} from './listActions.js';
import type {Action, ScreenId} from './types.js';

// Keys and commands that work everywhere. Screens add their own in screens/<name>/actions.ts.

const goTo = (screen: ScreenId, key: string, command: string, label: string, description: string): Action => ({
	id: `go.${screen}`,
	keys: [key],
	scope: 'global',
	label,
	description,
	command,
	run: ctx => ctx.nav.go(screen),
});

export const globalActions: readonly Action[] = [
	{
		id: 'help',
		keys: ['?'],
		scope: 'global',
		label: 'help',
		description: 'all keys and commands of this screen',
		command: 'help',
		footer: true,
		run: ctx => ctx.nav.open('help'),
	},
	{
		id: 'command',
		keys: [':'],
		scope: 'global',
		label: 'command',
		description: 'command bar (:apps, :idp NAME, :app NAME, :ctx NAME, :q); Tab completes, unique prefixes work',
		footer: true,
		run: ctx => ctx.nav.open('command'),
	},
	{
		id: 'filter',
		keys: ['/'],
		scope: 'global',
		label: 'filter',
		description: 'filter the list: words, field:value (state:TEST, name:crm), !negates; Enter keeps, Esc clears',
		footer: true,
		disabledReason: notOnList,
		run: ctx => ctx.nav.open('filter'),
	},
	{
		id: 'back',
		keys: ['esc'],
		scope: 'global',
		label: 'back',
		description: 'close the open bar or overlay, else clear the filter, else go back; never changes anything',
		footer: true,
		run: ctx => ctx.nav.back(),
	},
	{
		id: 'refresh',
		keys: ['r'],
		scope: 'global',
		label: 'refresh',
		description: 'reload everything from the gateway',
		command: 'refresh',
		footer: true,
		disabledReason: ctx => (ctx.store ? undefined : 'not connected yet'),
		run: ctx => void ctx.store?.loadAll(),
	},
	goTo('dashboard', '1', 'dashboard', 'dashboard', 'readiness checklist and health summary'),
	goTo('health', '2', 'health', 'health', 'live health of the authentication service and IdP failover'),
	goTo('auth', '3', 'auth', 'auth service', 'authentication service settings'),
	goTo('idps', '4', 'idps', 'IdPs', 'identity providers: failover mode, directories, health policy'),
	goTo('apps', '5', 'apps', 'apps', 'applications: offline state and policy'),
	{
		id: 'context',
		keys: [],
		scope: 'global',
		label: 'profile',
		description: 'switch to another profile (:ctx NAME)',
		command: 'ctx',
		completeArgument: ctx => ctx.services.listContexts(),
		run: async (ctx, name) => {
			if (!name) {
				ctx.nav.say(`Profiles: ${ctx.services.listContexts().join(', ') || '(none)'}. Use :ctx NAME.`);
				return;
			}
			if (ctx.services.beginUnlock?.(name)) return; // its key's passphrase is asked in the TUI first
			const problem = await ctx.services.switchContext(name);
			ctx.nav.say(problem ?? `Switched to profile ${name}.`, problem ? 'error' : 'ok');
		},
	},
	{
		id: 'quit',
		keys: ['q'],
		scope: 'global',
		label: 'quit',
		description: 'leave oag-offline (Ctrl+C too)',
		command: 'q',
		aliases: ['quit'],
		footer: true,
		run: ctx => ctx.services.exit(),
	},
];
