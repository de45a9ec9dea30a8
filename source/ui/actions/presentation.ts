import {displayWidth} from '../format/width.js';
import {keyLabel} from './keys.js';
import {actionsInScope, blockedReason} from './registry.js';
import type {Action, ActionContext} from './types.js';

// How the registry is shown: the footer's one line of hints and the help overlay's table. Pure, so the
// rules (only keys that work here, each key once, what is dropped first at 80 columns) are unit-tested.

export type Hint = {key: string; label: string};

/** The shell's input modes as far as the footer cares (navigation's InputMode, without importing it). */
export type FooterMode = 'normal' | 'command' | 'filter' | 'help' | 'confirm';

/** While a bar or overlay is open only its own keys work, so only they are shown. */
const MODE_HINTS: Record<Exclude<FooterMode, 'normal'>, Hint[]> = {
	command: [
		{key: 'Enter', label: 'run'},
		{key: 'Tab', label: 'complete'},
		{key: 'Esc', label: 'close'},
	],
	filter: [
		{key: 'Enter', label: 'keep filter'},
		{key: 'Esc', label: 'clear filter'},
	],
	confirm: [
		{key: 'Enter', label: 'confirm'},
		{key: 'Esc', label: 'cancel'},
	],
	help: [
		{key: '↑↓', label: 'scroll'},
		{key: 'PgUp/PgDn', label: 'page'},
		{key: 'Esc', label: 'close'},
	],
};

/** Global keys by how much a newcomer needs them when the line is short: help first, quit last. */
const GLOBAL_RANK: Record<string, number> = {help: 0, back: 2, command: 3, filter: 4, refresh: 5, quit: 6};

/**
 * The footer's actions for this screen: footer-marked, runnable now (a blocked action is not a key that
 * works), each key once, the screen's own first. A screen that captures typed text (a form) shows only
 * its own actions: the global letters would be typed into a field, not run.
 */
export function footerActions(actions: readonly Action[], ctx: ActionContext, capturesText = false): Action[] {
	const seen = new Set<string>();
	return actionsInScope(actions, ctx.screen).filter(a => {
		if (!a.footer || blockedReason(a, ctx) !== undefined) return false;
		if (capturesText && a.scope !== ctx.screen) return false;
		const key = a.keys[0] ?? a.id;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

const hintWidth = (hint: Hint): number => displayWidth(hint.key) + 1 + displayWidth(hint.label);
export const HINT_GAP = 2;

/**
 * The hints that fit one line of `width`, in their display order. When they do not all fit, the
 * lowest-ranked are dropped (never wrapped, never cut in the middle).
 */
export function fitHints(ranked: ReadonlyArray<Hint & {rank: number}>, width: number): Hint[] {
	const byRank = ranked.map((hint, order) => ({hint, order})).sort((a, b) => a.hint.rank - b.hint.rank || a.order - b.order);
	const kept = new Set<number>();
	let used = 0;
	for (const {hint, order} of byRank) {
		const cost = hintWidth(hint) + (kept.size > 0 ? HINT_GAP : 0);
		if (used + cost > width) continue;
		used += cost;
		kept.add(order);
	}
	return ranked.filter((_, order) => kept.has(order)).map(({key, label}) => ({key, label}));
}

export type FooterOptions = {
	/** The screen takes typed text (a form): only its own actions. */
	capturesText?: boolean;
	/** The help is taller than the body: its scroll keys work (else they are not offered). */
	helpScrolls?: boolean;
};

/** The footer line: the mode's keys while a bar is open, else the screen's working keys, fitted to `width`. */
export function footerHints(actions: readonly Action[], ctx: ActionContext, mode: FooterMode, width: number, options: FooterOptions = {}): Hint[] {
	if (mode !== 'normal') {
		const hints = mode === 'help' && !options.helpScrolls ? MODE_HINTS.help.filter(h => h.key === 'Esc') : MODE_HINTS[mode];
		return fitHints(hints.map((h, i) => ({...h, rank: i})), width);
	}
	const ranked = footerActions(actions, ctx, options.capturesText).map(a => ({
		key: keyLabel(a.keys[0] ?? ''),
		label: a.label,
		rank: a.scope === 'global' ? (GLOBAL_RANK[a.id] ?? 5) : 1,
	}));
	return fitHints(ranked, width);
}

export type HelpEntry = {
	id: string;
	/** The keys this action answers to on this screen (a key a screen action took is not listed again). */
	keys: string;
	command: string;
	description: string;
	dangerous: boolean;
	/** Why it cannot run now; the line is still listed, in place, marked. */
	blocked?: string;
};

/**
 * Every key and command of the screen, each key once: the screen's action wins a key over a global one
 * (as the key handler resolves it), so the global one is listed only with its remaining keys or command.
 */
export function helpEntries(actions: readonly Action[], ctx: ActionContext): HelpEntry[] {
	const keysTaken = new Set<string>();
	const commandsTaken = new Set<string>();
	const entries: HelpEntry[] = [];
	for (const action of actionsInScope(actions, ctx.screen)) {
		const keys = action.keys.filter(k => !keysTaken.has(k));
		const command = action.command && !commandsTaken.has(action.command) ? action.command : undefined;
		keys.forEach(k => keysTaken.add(k));
		if (command) commandsTaken.add(command);
		if (keys.length === 0 && !command) continue;
		const blocked = blockedReason(action, ctx);
		entries.push({
			id: action.id,
			keys: keys.map(keyLabel).join(' '),
			command: command ? `:${command}${action.completeArgument ? ' NAME' : ''}` : '',
			description: action.description,
			dangerous: action.dangerous === true,
			...(blocked ? {blocked} : {}),
		});
	}
	return entries;
}

/** Column widths from the widest key and command, plus a gap, so every line lines up. */
export function helpColumns(entries: readonly HelpEntry[]): {keys: number; command: number} {
	const widest = (pick: (e: HelpEntry) => string) => Math.max(0, ...entries.map(e => displayWidth(pick(e))));
	return {keys: widest(e => e.keys) + 2, command: widest(e => e.command) + 2};
}
