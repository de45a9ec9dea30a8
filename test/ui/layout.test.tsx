import {Box} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import type {ActionContext} from '../../source/ui/actions/types.js';
import {createNavigation} from '../../source/ui/navigation.js';
import {ALL_ACTIONS} from '../../source/ui/screens/registry.js';
import {App} from '../../source/ui/shell/App.js';
import {HelpOverlay} from '../../source/ui/shell/HelpOverlay.js';
import {clockListeners} from '../../source/ui/shell/useNow.js';
import {chooseTheme, themeNamed} from '../../source/ui/theme/theme.js';
import {createFakeApi, demoConnection} from '../store/fakeOagApi.js';
import {KEYS, renderAt, sleep, type Harness} from './harness.js';

let harness: Harness | undefined;
let store: OagStore | undefined;
afterEach(() => {
	harness?.unmount();
	store?.dispose();
	harness = undefined;
	store = undefined;
});

function start(options: {latencyMs?: number; expiresInMs?: number; startMessage?: string; theme?: string} = {}) {
	const fake = createFakeApi();
	fake.control.latencyMs = options.latencyMs ?? 0;
	const expires = Date.now() + (options.expiresInMs ?? 300_000);
	store = createOagStore({
		api: fake.api,
		connection: demoConnection,
		healthIntervalMs: 60_000,
		authState: () => ({mode: 'token', tokenExpiresAt: expires, mints: 1}),
	});
	const theme = options.theme ? chooseTheme({env: {OAG_THEME: options.theme}}) : themeNamed('dark');
	harness = renderAt(<App store={store} theme={theme} startMessage={options.startMessage} />, {columns: 80, rows: 24});
	return {harness, fake};
}

describe('layout at 80x24', () => {
	it('says loading until the IdPs and apps are in, never a count short of the final one', async () => {
		const {harness} = start({latencyMs: 40});
		const done = await harness.waitFor(f => /Readiness for offline mode: \d+\/\d+ done/.test(f) && f.includes('App crm'), 5_000);
		const total = /(\d+)\/(\d+) done/.exec(done)![2];
		// 2 auth lines + 2 IdPs + 3 apps in the fake gateway.
		expect(total).toBe('7');
		const frames = harness.stdout.frames.map(f => f.replace(/\u001b\[[0-9;]*m/g, ''));
		const counts = frames.flatMap(f => [.../Readiness for offline mode: (\d+)\/(\d+) done/.exec(f)?.slice(2, 3) ?? []]);
		expect(new Set(counts)).toEqual(new Set(['7']));
		expect(frames.some(f => /Readiness for offline mode: loading/.test(f))).toBe(true);
	});

	it('counts the token down live, from a clock that only the time-showing parts use', async () => {
		const {harness} = start({expiresInMs: 125_000});
		const first = await harness.waitFor(f => /token 2m\d+s/.test(f));
		const before = /token (2m\d+s)/.exec(first)![1];
		const after = await harness.waitFor(f => /token 2m\d+s/.test(f) && /token (2m\d+s)/.exec(f)![1] !== before, 3_000);
		expect(after).toMatch(/token 2m\d+s/);
		expect(clockListeners()).toBeGreaterThan(0);
		harness.unmount();
		expect(clockListeners()).toBe(0); // the timer stops with the last component that shows time
	});

	it('clears a message on the next key', async () => {
		const {harness} = start({startMessage: 'Demo: nothing here is real.'});
		await harness.waitFor(f => f.includes('Demo: nothing here is real.'));
		await harness.press('2');
		await harness.waitFor(f => f.includes('Health') && !f.includes('Demo: nothing here is real.'));
	});

	it('names an unknown OAG_THEME in the footer', async () => {
		const {harness} = start({theme: 'solarized'});
		const frame = await harness.waitFor(f => f.includes('unknown OAG_THEME'));
		expect(frame).toContain('unknown OAG_THEME "solarized": using dark; choose dark|light|high-contrast|');
	});

	it('keeps the footer to one line with the keys that work on the screen', async () => {
		const {harness} = start();
		await harness.waitFor(f => f.includes('App crm'));
		let lines = harness.frame().split('\n');
		expect(lines[22]).toContain('/ filter');
		await harness.press('2');
		await harness.waitFor(f => f.includes('IdP failover'));
		lines = harness.frame().split('\n');
		expect(lines[22]).not.toContain('/ filter');
		expect(lines[22]).toContain('p pause/resume');
		await harness.press('/');
		await sleep(20);
		expect(harness.frame()).not.toContain('keep filter'); // `/` does nothing without a list
	});
});

describe('help overlay', () => {
	const ctx: ActionContext = {
		screen: 'idps',
		route: {screen: 'idps'},
		readOnly: true,
		store: undefined,
		nav: createNavigation('idps'),
		services: {listContexts: () => [], switchContext: async () => undefined, exit: () => {}, connected: () => {}},
		list: {key: 'idps', count: 2, cursor: 0, selectedId: 'x', rows: [{id: 'x', label: 'x'}, {id: 'y', label: 'y'}], marks: new Set<string>(), markable: true, sortColumns: []},
	};

	it('marks unavailable actions in place and scrolls when taller than the body', async () => {
		harness = renderAt(
			<Box>
				<HelpOverlay actions={ALL_ACTIONS} ctx={ctx} height={6} width={80} />
			</Box>,
			{columns: 80, rows: 24},
		);
		let frame = await harness.waitFor(f => f.includes('Keys and commands'));
		expect(frame).toMatch(/1-4 of \d+/);
		const keyColumn = frame.split('\n').slice(1, 5);
		expect(keyColumn.some(line => /^a +/.test(line))).toBe(true);
		expect(frame).toMatch(/^a +unavailable \(read-only mode/m);
		await harness.press(KEYS.down);
		frame = await harness.waitFor(f => /2-5 of \d+/.test(f));
		await harness.press('G');
		// G shows the last lines of the help: the range ends at the total.
		frame = await harness.waitFor(f => /(\d+)-(\d+) of (\d+)/.exec(f)?.slice(2, 4).every((n, _, all) => n === all[0]) === true);
		expect(frame).toContain(':audit');
	});
});

describe('profile switch', () => {
	it('disposes the old store once, after the switch, not inside a state updater', async () => {
		const first = createOagStore({api: createFakeApi().api, connection: demoConnection});
		const other = createOagStore({api: createFakeApi().api, connection: {...demoConnection, profile: 'staging'}});
		let disposed = 0;
		const dispose = first.dispose;
		first.dispose = () => {
			disposed++;
			dispose();
		};
		store = other;
		harness = renderAt(<App store={first} theme={themeNamed('dark')} listContexts={() => ['staging']} openContext={async () => other} />, {
			columns: 80,
			rows: 24,
		});
		await harness.waitFor(f => f.includes('profile test'));
		await harness.type(':ctx staging');
		await harness.press(KEYS.enter);
		await harness.waitFor(f => f.includes('profile staging'));
		expect(disposed).toBe(1);
	});
});
