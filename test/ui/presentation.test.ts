import {describe, expect, it} from 'vitest';
import {fitHints, footerActions, footerHints, helpColumns, helpEntries} from '../../source/ui/actions/presentation.js';
import type {Action, ActionContext, ScreenId} from '../../source/ui/actions/types.js';
import {displayWidth} from '../../source/ui/format/width.js';
import {createNavigation} from '../../source/ui/navigation.js';
import {ALL_ACTIONS, SCREENS} from '../../source/ui/screens/registry.js';
import {createOagStore} from '../../source/store/createOagStore.js';
import {createFakeApi, demoConnection} from '../store/fakeOagApi.js';
import {messageVisible, latestMessage, MESSAGE_MS, ERROR_MESSAGE_MS} from '../../source/ui/shell/messages.js';

const SCREEN_IDS = Object.keys(SCREENS) as ScreenId[];

// A store over a fake API: the rules read its state (a running promotion, the connection); nothing is sent.
const STORE = createOagStore({api: createFakeApi().api, connection: demoConnection});

const context = (screen: ScreenId, options: {readOnly?: boolean; list?: boolean; connected?: boolean} = {}): ActionContext => ({
	screen,
	route: {screen},
	readOnly: options.readOnly ?? false,
	store: options.connected === false ? undefined : STORE,
	nav: createNavigation(screen),
	services: {listContexts: () => [], switchContext: async () => undefined, exit: () => {}, connected: () => {}},
	...(options.list ? {list: {key: screen, count: 3, cursor: 0, selectedId: 'x', selectedLabel: 'X', rows: [{id: 'x', label: 'X'}], marks: new Set<string>(), markable: true, sortColumns: []}} : {}),
});

const line = (hints: ReadonlyArray<{key: string; label: string}>) => hints.map(h => `${h.key} ${h.label}`).join('  ');

describe('footer', () => {
	it('offers / filter only where there is a list', () => {
		expect(line(footerHints(ALL_ACTIONS, context('health'), 'normal', 200))).not.toContain('/ filter');
		expect(line(footerHints(ALL_ACTIONS, context('apps', {list: true}), 'normal', 200))).toContain('/ filter');
	});

	it('shows only keys that work: no blocked action, no refresh before a connection', () => {
		for (const screen of SCREEN_IDS) {
			const ctx = context(screen, {readOnly: true, list: screen !== 'health' && screen !== 'auth'});
			for (const action of footerActions(ALL_ACTIONS, ctx)) expect(action.dangerous || action.mutates, `${screen} ${action.id}`).toBeFalsy();
		}
		expect(footerActions(ALL_ACTIONS, context('idps', {list: true})).some(a => a.mutates || a.dangerous)).toBe(true);
		expect(line(footerHints(ALL_ACTIONS, context('dashboard', {connected: false}), 'normal', 200))).not.toContain('refresh');
	});

	it('lists each key once, the screen action winning over the global one', () => {
		const hints = footerHints(ALL_ACTIONS, context('health'), 'normal', 300);
		const keys = hints.map(h => h.key);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('in a bar or overlay shows that mode keys only', () => {
		expect(line(footerHints(ALL_ACTIONS, context('apps', {list: true}), 'filter', 80))).toBe('Enter keep filter  Esc clear filter');
		expect(line(footerHints(ALL_ACTIONS, context('apps'), 'command', 80))).toBe('Enter run  Tab complete  Esc close');
		expect(line(footerHints(ALL_ACTIONS, context('idps'), 'confirm', 80))).toBe('Enter confirm  Esc cancel');
		expect(line(footerHints(ALL_ACTIONS, context('idps'), 'help', 80))).toBe('Esc close');
		expect(line(footerHints(ALL_ACTIONS, context('idps'), 'help', 80, {helpScrolls: true}))).toBe('↑↓ scroll  PgUp/PgDn page  Esc close');
	});

	it('on a screen that captures text shows only that screen own actions', () => {
		const form: Action = {id: 'form.submit', keys: ['ctrl+s'], scope: 'auth', label: 'save', description: 'save the form', footer: true, run: () => {}};
		const hints = footerHints([...ALL_ACTIONS, form], context('auth'), 'normal', 200, {capturesText: true});
		expect(hints).toEqual([{key: 'ctrl+s', label: 'save'}]);
	});

	it('fits one line at 80 columns on every screen, dropping lower-ranked hints, keeping ? help', () => {
		for (const screen of SCREEN_IDS) {
			for (const width of [80, 81, 100, 120]) {
				const hints = footerHints(ALL_ACTIONS, context(screen, {list: true}), 'normal', width);
				expect(displayWidth(line(hints)), `${screen} ${width}`).toBeLessThanOrEqual(width);
				if (screen !== 'setup') expect(line(hints), `${screen} ${width}`).toContain('? help');
			}
		}
		const ranked = [
			{key: 'a', label: 'x'.repeat(30), rank: 3},
			{key: '?', label: 'help', rank: 0},
			{key: 'b', label: 'y'.repeat(30), rank: 1},
		];
		expect(fitHints(ranked, 40).map(h => h.key)).toEqual(['?', 'b']);
		expect(fitHints(ranked, 100).map(h => h.key)).toEqual(['a', '?', 'b']);
	});
});

describe('help listing', () => {
	it('lists each key and command once per screen', () => {
		for (const screen of SCREEN_IDS) {
			const entries = helpEntries(ALL_ACTIONS, context(screen, {list: true}));
			const keys = entries.flatMap(e => (e.keys ? e.keys.split(' ') : []));
			expect(new Set(keys).size, `${screen}: ${keys.join(',')}`).toBe(keys.length);
			const commands = entries.map(e => e.command).filter(Boolean);
			expect(new Set(commands).size, screen).toBe(commands.length);
		}
		// The health screen's own `r` takes the key; the global refresh stays reachable as :refresh.
		const health = helpEntries(ALL_ACTIONS, context('health'));
		expect(health.find(e => e.id === 'health.refresh')?.keys).toBe('r');
		expect(health.find(e => e.id === 'refresh')).toMatchObject({keys: '', command: ':refresh'});
	});

	it('keeps an unavailable action in place with its reason', () => {
		const entries = helpEntries(ALL_ACTIONS, context('idps', {readOnly: true, list: true}));
		const disable = entries.find(e => e.id === 'idps.disable');
		expect(disable?.blocked).toMatch(/read-only/);
		expect(entries.indexOf(disable!)).toBe(helpEntries(ALL_ACTIONS, context('idps', {list: true})).findIndex(e => e.id === 'idps.disable'));
		expect(helpEntries(ALL_ACTIONS, context('health')).find(e => e.id === 'filter')?.blocked).toMatch(/no list/);
	});

	it('sizes the columns from the widest key and command', () => {
		const entries = helpEntries(ALL_ACTIONS, context('dashboard', {list: true}));
		const columns = helpColumns(entries);
		expect(columns.keys).toBe(Math.max(...entries.map(e => displayWidth(e.keys))) + 2);
		expect(columns.command).toBe(Math.max(...entries.map(e => displayWidth(e.command))) + 2);
	});
});

describe('messages', () => {
	it('expire: info after 8 s, errors later', () => {
		const info = {text: 'Saved.', tone: 'ok' as const, at: 1_000};
		const error = {text: 'Failed.', tone: 'error' as const, at: 1_000};
		expect(messageVisible(info, 1_000 + MESSAGE_MS - 1)).toBe(true);
		expect(messageVisible(info, 1_000 + MESSAGE_MS)).toBe(false);
		expect(messageVisible(error, 1_000 + MESSAGE_MS)).toBe(true);
		expect(messageVisible(error, 1_000 + ERROR_MESSAGE_MS)).toBe(false);
		expect(latestMessage(info, {...error, at: 2_000}, undefined)?.text).toBe('Failed.');
	});
});
