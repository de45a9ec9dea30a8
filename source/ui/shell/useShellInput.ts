import {useInput, type Key} from 'ink';
import {keyName} from '../actions/keys.js';
import {commandNames, commonPrefix, completeCommand, parseCommand, resolveCommand, resolveKey} from '../actions/registry.js';
import type {Action, ActionContext} from '../actions/types.js';
import {SCREENS} from '../screens/registry.js';
import {capturesTextNow} from '../screens/types.js';
import {splitKeystrokes} from './keystrokes.js';
import {editLine} from './lineEditing.js';
import type {Shell} from './ShellContext.js';
import {buildActionContext} from './actionContext.js';

// The one input loop (lazygit style): the open mode gets the key first, then the registry resolves it.
// Esc only ever closes or goes back. A blocked action says why and does nothing.

export function runAction(action: Action, ctx: ActionContext, argument?: string): void {
	const report = (error: unknown) =>
		ctx.nav.say(`${action.label}: ${error instanceof Error ? error.message : String(error)}`, 'error');
	// Synchronous on purpose: the next key of a burst must see the mode this action opened.
	try {
		const result = action.run(ctx, argument);
		if (result instanceof Promise) result.catch(report);
	} catch (error) {
		report(error);
	}
}

function onCommandKey(shell: Shell, actions: readonly Action[], ctx: ActionContext, input: string, key: Key) {
	const {nav} = shell;
	const text = nav.getState().input;
	if (key.return) {
		nav.back();
		if (text.trim() === '') return;
		const found = resolveCommand(actions, text, ctx);
		if (!found) nav.say(`Unknown command :${text.trim()}. Tab completes; ? lists the commands.`, 'error');
		else if (found.ambiguous) nav.say(`:${parseCommand(text).name} could be ${found.ambiguous.map(c => `:${c}`).join(' ')}; type more.`, 'error');
		else if (found.blocked) nav.say(`:${found.action.command}: ${found.blocked}`, 'error');
		else runAction(found.action, ctx, found.argument);
		return;
	}
	if (key.tab) {
		const options = completeCommand(actions, text, ctx);
		if (options.length === 1) {
			const only = options[0]!;
			const takesArgument = actions.some(a => a.completeArgument && commandNames(a).includes(only));
			nav.setInput(takesArgument ? `${only} ` : only);
		} else if (options.length > 1) nav.setInput(commonPrefix(options) || text);
		return;
	}
	nav.setInput(editLine(text, input, key));
}

function onConfirmKey(shell: Shell, input: string, key: Key) {
	const {nav} = shell;
	const {input: text, confirmation} = nav.getState();
	if (!key.return) {
		nav.setInput(editLine(text, input, key));
		return;
	}
	nav.back();
	if (!confirmation) return;
	if (text.trim() !== confirmation.expected) {
		nav.say(`Not confirmed (typed "${text.trim()}", expected ${confirmation.expected}): nothing was changed.`, 'info');
		return;
	}
	Promise.resolve(confirmation.onConfirm()).catch((error: unknown) => nav.say(String(error), 'error'));
}

export function useShellInput(shell: Shell, actions: readonly Action[], isActive: boolean): void {
	useInput(
		(burst, burstKey) => {
			for (const [input, key] of splitKeystrokes(burst, burstKey)) onKey(shell, actions, input, key);
		},
		{isActive},
	);
}

function onKey(shell: Shell, actions: readonly Action[], input: string, key: Key): void {
	const name = keyName(input, key);
	const {nav} = shell;
	const mode = nav.getState().mode;
	// A message answers the key before this one; this key is the next action, so it goes (see messages.ts).
	nav.clearMessage();
	if (name === 'esc') {
		nav.back();
		return;
	}
	const ctx = buildActionContext(shell.store, nav, shell.services);
	if (mode === 'help') {
		if (name === '?' || name === 'q') nav.back();
		return;
	}
	if (mode === 'command') return onCommandKey(shell, actions, ctx, input, key);
	if (mode === 'confirm') return onConfirmKey(shell, input, key);
	if (mode === 'filter') {
		if (key.return) nav.setState({mode: 'normal'});
		else nav.setInput(editLine(nav.getState().input, input, key));
		return;
	}
	if (capturesTextNow(SCREENS[ctx.screen], shell.store?.state.getState(), ctx.route)) return;
	const resolution = resolveKey(actions, name, ctx);
	if (!resolution) return;
	if (resolution.blocked) {
		nav.say(`${resolution.action.label}: ${resolution.blocked}`, 'error');
		return;
	}
	runAction(resolution.action, ctx);
}
