import type {Action, ActionContext, ScreenId} from './types.js';

// Resolution rules shared by the key handler, the `:` bar, the footer and the help overlay
// (how the footer and help show them: presentation.ts).
// Read-only mode is enforced here, once: a mutating or dangerous action is never resolved.

export const READ_ONLY_REASON = 'read-only mode (--read-only): changes are disabled';

export function blockedReason(action: Action, ctx: ActionContext): string | undefined {
	if (ctx.readOnly && (action.mutates || action.dangerous)) return READ_ONLY_REASON;
	return action.disabledReason?.(ctx);
}

/** Screen actions first, so a screen may give a key its own meaning over a global one. */
export function actionsInScope(actions: readonly Action[], screen: ScreenId): Action[] {
	return [...actions.filter(a => a.scope === screen), ...actions.filter(a => a.scope === 'global')];
}

export type Resolution = {action: Action; blocked?: string} | undefined;

export function resolveKey(actions: readonly Action[], key: string, ctx: ActionContext): Resolution {
	const action = actionsInScope(actions, ctx.screen).find(a => a.keys.includes(key));
	if (!action) return undefined;
	const blocked = blockedReason(action, ctx);
	return blocked ? {action, blocked} : {action};
}

export type ParsedCommand = {name: string; argument?: string};

export function parseCommand(line: string): ParsedCommand {
	const [name = '', ...rest] = line.replace(/^:/, '').trim().split(/\s+/);
	const argument = rest.join(' ').trim();
	return argument ? {name, argument} : {name};
}

/** Every name an action answers to in the `:` bar: its command and its aliases. */
export const commandNames = (action: Action): string[] => (action.command ? [action.command, ...(action.aliases ?? [])] : []);

export type CommandResolution =
	| {action: Action; blocked?: string; argument?: string; ambiguous?: undefined}
	| {ambiguous: string[]; action?: undefined; blocked?: undefined; argument?: undefined}
	| undefined;

/**
 * An exact name wins (`:app` is not `:apps`); otherwise a unique prefix of one action's names (`:qu` is
 * `:quit`); a prefix of several actions' names answers with the candidates to list.
 */
export function resolveCommand(actions: readonly Action[], line: string, ctx: ActionContext): CommandResolution {
	const {name, argument} = parseCommand(line);
	if (name === '') return undefined;
	const inScope = actionsInScope(actions, ctx.screen).filter(a => a.command);
	const exact = inScope.find(a => commandNames(a).includes(name));
	const prefixed = exact ? [exact] : inScope.filter(a => commandNames(a).some(n => n.startsWith(name)));
	// A screen's action may reuse a global command name: that is one command (the screen's), not two.
	const candidates = [...new Set(prefixed.map(a => a.command!))];
	if (candidates.length > 1) return {ambiguous: candidates.sort()};
	const action = prefixed[0];
	if (!action) return undefined;
	const blocked = blockedReason(action, ctx);
	return {action, argument, ...(blocked ? {blocked} : {})};
}

/** Tab completion: the command names (or arguments) that extend what is typed; blocked ones are not offered. */
export function completeCommand(actions: readonly Action[], line: string, ctx: ActionContext): string[] {
	const text = line.replace(/^:/, '');
	const runnable = actionsInScope(actions, ctx.screen).filter(a => a.command && !blockedReason(a, ctx));
	const space = text.indexOf(' ');
	if (space === -1) {
		return [...new Set(runnable.flatMap(commandNames).filter(c => c.startsWith(text)))].sort();
	}
	const name = text.slice(0, space);
	const partial = text.slice(space + 1).trimStart().toLowerCase();
	const action = runnable.find(a => commandNames(a).includes(name));
	const options = action?.completeArgument?.(ctx) ?? [];
	// Names from the gateway are matched without regard to case: `:idp corp` completes `Corp Okta`.
	return options.filter(o => o.toLowerCase().startsWith(partial)).map(o => `${name} ${o}`);
}

/** The longest common prefix of the completions, to extend the typed text on Tab (case-insensitive). */
export function commonPrefix(options: readonly string[]): string {
	if (options.length === 0) return '';
	return options.reduce((prefix, option) => {
		let i = 0;
		while (i < prefix.length && prefix[i]!.toLowerCase() === option[i]?.toLowerCase()) i++;
		return prefix.slice(0, i);
	});
}
