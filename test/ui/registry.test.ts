import {describe, expect, it} from 'vitest';
import {footerActions} from '../../source/ui/actions/presentation.js';
import {keyLabel} from '../../source/ui/actions/keys.js';
import {actionsInScope, commandNames, completeCommand, resolveCommand, resolveKey} from '../../source/ui/actions/registry.js';
import type {ActionContext, ScreenId} from '../../source/ui/actions/types.js';
import {createNavigation} from '../../source/ui/navigation.js';
import {ALL_ACTIONS, SCREENS} from '../../source/ui/screens/registry.js';

const SCREEN_IDS = Object.keys(SCREENS) as ScreenId[];

/** Every key name keyName() can produce: printable ASCII, named keys, ctrl+ and meta+ combinations. */
function everyKey(): string[] {
	const printable = Array.from({length: 95}, (_, i) => String.fromCharCode(32 + i));
	const named = ['esc', 'enter', 'tab', 'shift+tab', 'up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'backspace'];
	const letters = 'abcdefghijklmnopqrstuvwxyz'.split('');
	return [...printable, ...named, ...letters.map(l => `ctrl+${l}`), ...printable.map(p => `meta+${p}`)];
}

/** Every command the registry knows, with and without an argument, plus near misses. */
function everyCommand(): string[] {
	const names = ALL_ACTIONS.flatMap(commandNames);
	// Every prefix too: unique prefixes resolve to a command, and must not slip past read-only mode.
	const prefixes = names.flatMap(n => Array.from({length: n.length}, (_, i) => n.slice(0, i + 1)));
	return [...new Set([...names, ...prefixes])].flatMap(n => [n, `${n} x`, `:${n}`, `${n.toUpperCase()}`]);
}

const context = (screen: ScreenId, readOnly: boolean): ActionContext => ({
	screen,
	route: {screen, params: {id: 'x'}},
	readOnly,
	store: undefined,
	nav: createNavigation(screen),
	services: {listContexts: () => ['a', 'b'], switchContext: async () => undefined, exit: () => {}, connected: () => {}},
	// A selected row, so "nothing selected" never hides what read-only mode must block.
	list: {
		key: screen,
		count: 3,
		cursor: 0,
		selectedId: 'x',
		selectedLabel: 'X',
		rows: [{id: 'x', label: 'X'}],
		marks: new Set(['x']),
		markable: true,
		sortColumns: ['NAME'],
	},
});

describe('action registry', () => {
	it('has mutating and dangerous actions to guard (the read-only test below is not vacuous)', () => {
		expect(ALL_ACTIONS.some(a => a.dangerous)).toBe(true);
		expect(ALL_ACTIONS.some(a => a.mutates)).toBe(true);
		const rw = context('idps', false);
		expect(resolveKey(ALL_ACTIONS, 'D', rw)).toMatchObject({action: {id: 'idps.disable'}});
		expect(resolveKey(ALL_ACTIONS, 'D', rw)?.blocked).toBeUndefined();
	});

	it('in read-only mode no dangerous or mutating action is reachable by any key or command, on any screen', () => {
		let checked = 0;
		for (const screen of SCREEN_IDS) {
			const ctx = context(screen, true);
			for (const key of everyKey()) {
				const found = resolveKey(ALL_ACTIONS, key, ctx);
				checked++;
				if (found && (found.action.dangerous || found.action.mutates)) expect(found.blocked, `${screen} ${key}`).toMatch(/read-only/);
			}
			for (const command of everyCommand()) {
				const found = resolveCommand(ALL_ACTIONS, command, ctx);
				checked++;
				if (found?.action && (found.action.dangerous || found.action.mutates)) expect(found.blocked, `${screen} :${command}`).toMatch(/read-only/);
			}
			for (const offered of completeCommand(ALL_ACTIONS, '', ctx)) {
				const action = ALL_ACTIONS.find(a => a.command === offered);
				expect(action?.dangerous || action?.mutates, `completion ${offered}`).toBeFalsy();
			}
			for (const hint of footerActions(ALL_ACTIONS, ctx)) expect(hint.dangerous || hint.mutates).toBeFalsy();
		}
		expect(checked).toBeGreaterThan(SCREEN_IDS.length * 250);
	});

	it('every dangerous action declares a typed confirmation: a word that is not one of its own keys', () => {
		const dangerous = ALL_ACTIONS.filter(a => a.dangerous);
		expect(dangerous.length).toBeGreaterThan(0);
		for (const action of dangerous) {
			expect(action.confirm?.expected, action.id).toMatch(/^\S{3,}$/);
			for (const key of action.keys) expect(action.confirm?.expected, action.id).not.toBe(key);
		}
	});

	it('binds each key at most once per scope, and never binds Esc to anything but back', () => {
		for (const screen of SCREEN_IDS) {
			const own = ALL_ACTIONS.filter(a => a.scope === screen);
			const keys = own.flatMap(a => a.keys);
			expect(new Set(keys).size, screen).toBe(keys.length);
			const escape = actionsInScope(ALL_ACTIONS, screen).filter(a => a.keys.includes('esc'));
			expect(escape.map(a => a.id)).toEqual(['back']);
		}
		const globalKeys = ALL_ACTIONS.filter(a => a.scope === 'global').flatMap(a => a.keys);
		expect(new Set(globalKeys).size).toBe(globalKeys.length);
	});

	it("writes each action's keys in a few characters, so a help line never wraps into two", () => {
		// The help's key column is 10 wide; a longer label wrapped and pushed the overlay off the screen.
		for (const action of ALL_ACTIONS) expect(action.keys.map(keyLabel).join(' ').length, action.id).toBeLessThanOrEqual(9);
	});

	it('offers the design commands with completion, including profile names for :ctx', () => {
		const ctx = context('dashboard', false);
		for (const name of ['apps', 'idps', 'health', 'auth', 'ctx', 'q']) expect(resolveCommand(ALL_ACTIONS, `:${name}`, ctx)?.action?.command).toBe(name);
		expect(completeCommand(ALL_ACTIONS, 'he', ctx)).toEqual(['health', 'help']);
		expect(completeCommand(ALL_ACTIONS, 'ctx ', ctx)).toEqual(['ctx a', 'ctx b']);
		expect(resolveCommand(ALL_ACTIONS, 'ctx prod', ctx)).toMatchObject({argument: 'prod'});
	});

	it('resolves unique prefixes and aliases of commands; an exact name wins; an ambiguous prefix lists the candidates', () => {
		const ctx = context('dashboard', false);
		expect(resolveCommand(ALL_ACTIONS, 'qu', ctx)?.action?.id).toBe('quit');
		expect(resolveCommand(ALL_ACTIONS, 'quit', ctx)?.action?.id).toBe('quit');
		expect(resolveCommand(ALL_ACTIONS, 'app', ctx)?.action?.id).toBe('open.app');
		expect(resolveCommand(ALL_ACTIONS, 'apps', ctx)?.action?.id).toBe('go.apps');
		expect(resolveCommand(ALL_ACTIONS, 'idp Okta', ctx)).toMatchObject({action: {id: 'open.idp'}, argument: 'Okta'});
		expect(resolveCommand(ALL_ACTIONS, 'heal', ctx)?.action?.id).toBe('go.health');
		expect(resolveCommand(ALL_ACTIONS, 'a', ctx)).toEqual({ambiguous: ['app', 'apps', 'audit', 'auth']});
		expect(resolveCommand(ALL_ACTIONS, 'id x', ctx)).toEqual({ambiguous: ['idp', 'idps']});
		expect(resolveCommand(ALL_ACTIONS, 'nosuch', ctx)).toBeUndefined();
		expect(completeCommand(ALL_ACTIONS, 'qu', ctx)).toEqual(['quit']);
		// A screen action that reuses a global command's name is that one command, the screen's.
		const own = {...ALL_ACTIONS.find(a => a.id === 'refresh')!, id: 'dashboard.own-refresh', scope: 'dashboard' as const};
		expect(resolveCommand([...ALL_ACTIONS, own], 'refr', ctx)?.action?.id).toBe('dashboard.own-refresh');
	});
});
