import {afterEach, describe, expect, it} from 'vitest';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import {App} from '../../source/ui/shell/App.js';
import {themeNamed} from '../../source/ui/theme/theme.js';
import {createFakeApi, demoConnection, sampleData, type FakeData} from '../store/fakeOagApi.js';
import {KEYS, renderAt, type Harness} from './harness.js';

// Routes to one item, and lists that scale: driven by keys through the whole shell, as an admin would.

let harness: Harness | undefined;
let store: OagStore | undefined;
afterEach(() => {
	harness?.unmount();
	store?.dispose();
});

function start(data: FakeData = sampleData(), options: {onExit?: () => void} = {}) {
	const fake = createFakeApi(data);
	store = createOagStore({api: fake.api, connection: demoConnection, healthIntervalMs: 2000});
	harness = renderAt(<App store={store} theme={themeNamed('no-color')} onExit={options.onExit} />, {columns: 100, rows: 30});
	return harness;
}

/** The row under the cursor: the list draws it with a leading `>`. */
const selectedRow = (frame: string) => frame.split('\n').find(line => line.startsWith('>')) ?? '';

function manyApps(count: number): FakeData {
	const data = sampleData();
	data.apps = Array.from({length: count}, (_, i) => ({
		app: {id: `app-${i + 1}`, name: `app${String(i + 1).padStart(3, '0')}`},
		state: i % 3 === 0 ? 'TEST' : 'INACTIVE',
		groups: [],
		accessPolicyId: null,
	}));
	return data;
}

async function command(h: Harness, text: string) {
	await h.press(':');
	await h.type(text);
	await h.press(KEYS.enter);
}

describe('routes to one item', () => {
	it('Enter on a dashboard IdP line opens that IdP, and on an app line that app; Esc comes back', async () => {
		const h = start();
		await h.waitFor(f => f.includes('App crm') && f.includes('IdP Auth0 Lab') && !f.includes('loading…'));
		await h.press(KEYS.down, KEYS.down, KEYS.down);
		expect(selectedRow(h.frame())).toContain('IdP Auth0 Lab');
		await h.press(KEYS.enter);
		let frame = await h.waitFor(f => f.includes('failover mode'));
		expect(frame).toContain('Dashboard › IdPs › Auth0 Lab');
		expect(frame).toContain('IdP Auth0 Lab');
		expect(frame).toContain('[DISABLED]');
		expect(frame).toContain('idp-2');
		expect(frame).toMatch(/Directories \(0\)/);
		expect(frame).not.toContain('Okta Prod'); // the item, not the list with another row selected
		await h.press(KEYS.esc);
		await h.waitFor(f => f.includes('Readiness') && selectedRow(f).includes('IdP Auth0 Lab'));

		await h.press('G', KEYS.enter);
		frame = await h.waitFor(f => f.includes('offline state'));
		expect(frame).toContain('Dashboard › Apps › crm');
		expect(frame).toContain('App crm');
		expect(frame).toContain('[INACTIVE]');
		expect(frame).not.toContain('payroll');
	});

	it('Enter on the IdPs and Apps lists opens the selected item', async () => {
		const h = start();
		await h.press('4');
		await h.waitFor(f => f.includes('Auth0 Lab') && f.includes('[AUTOMATIC]'));
		await h.press(KEYS.enter);
		let frame = await h.waitFor(f => f.includes('failover mode'));
		expect(frame).toContain('Dashboard › IdPs › Okta Prod');
		expect(frame).toMatch(/Directories \(1\)/);
		expect(frame).toContain('ldap://ldap.example.com:389');
		await h.press('5');
		await h.waitFor(f => f.includes('wiki') && f.includes('[ACTIVE]'));
		await h.press(KEYS.down, KEYS.enter);
		frame = await h.waitFor(f => f.includes('offline state'));
		expect(frame).toContain('› Apps › wiki');
		expect(frame).toContain('[TEST]');
	});

	it(':idp NAME and :app NAME open items by name (Tab completes) or id; ambiguous names and prefixes say so', async () => {
		const data = sampleData();
		data.apps.push({app: {id: 'app-9', name: 'wiki-staging'}, state: 'TEST', groups: [], accessPolicyId: null});
		const h = start(data);
		await h.waitFor(f => f.includes('App wiki-staging'));
		await h.press(':');
		await h.type('idp au');
		await h.press(KEYS.tab);
		await h.waitFor(f => f.includes(':idp Auth0 Lab_'));
		await h.press(KEYS.enter);
		await h.waitFor(f => f.includes('IdP Auth0 Lab') && f.includes('failover mode'));

		await command(h, 'app app-1');
		await h.waitFor(f => f.includes('App payroll') && f.includes('offline state'));
		await command(h, 'app wiki');
		await h.waitFor(f => f.includes('App wiki') && f.includes('› wiki') && !f.includes('wiki-staging'));
		await command(h, 'app wi');
		await h.waitFor(f => f.includes('2 apps match "wi": wiki (app-2), wiki-staging (app-9)'));
		await command(h, 'app nothing');
		await h.waitFor(f => f.includes('No app named "nothing"'));

		await h.press('5');
		await h.waitFor(f => f.includes('wiki-staging') && f.includes('4 rows'));
		await h.press('G');
		await command(h, 'app'); // no name on the apps list: the selected app
		await h.waitFor(f => f.includes('App wiki-staging') && f.includes('offline state'));

		await command(h, 'heal');
		await h.waitFor(f => f.includes('Authentication service health'));
		await command(h, 'a');
		await h.waitFor(f => f.includes(':a could be :app :apps :audit :auth'));
	});

	it(':qu is :quit (a unique prefix of a command)', async () => {
		let exited = false;
		const h = start(sampleData(), {onExit: () => (exited = true)});
		await h.waitFor(f => f.includes('Readiness'));
		await command(h, 'qu');
		const deadline = Date.now() + 2000;
		while (!exited && Date.now() < deadline) await new Promise(r => setTimeout(r, 10));
		expect(exited).toBe(true);
	});
});

describe('lists that scale', () => {
	it('keeps filter and cursor per route; Esc clears an applied filter first, then goes back', async () => {
		const h = start();
		await h.press('5');
		await h.waitFor(f => f.includes('wiki'));
		await h.press('/');
		await h.type('state:test');
		await h.press(KEYS.enter);
		await h.waitFor(f => f.includes('1 of 3 match /state:test') && selectedRow(f).includes('wiki'));
		await h.press('4');
		await h.waitFor(f => f.includes('Auth0 Lab') && f.includes('2 rows'));
		await h.press(KEYS.down);
		await h.waitFor(f => selectedRow(f).includes('Auth0 Lab'));
		await h.press('5');
		await h.waitFor(f => f.includes('1 of 3 match /state:test'));
		await h.press('4');
		await h.waitFor(f => selectedRow(f).includes('Auth0 Lab'));
		await h.press('5');
		await h.waitFor(f => f.includes('1 of 3 match /state:test'));
		await h.press(KEYS.esc);
		const frame = await h.waitFor(f => f.includes('3 rows'));
		expect(frame).toContain('› Apps');
		await h.press(KEYS.esc);
		// 5 returned to Apps already in the trail (the stack did not grow), so back is the dashboard.
		await h.waitFor(f => !f.includes('› Apps') && f.includes('Readiness'));
	});

	it('a filter always leaves a row selected when anything matches', async () => {
		const h = start();
		await h.press('5');
		await h.waitFor(f => f.includes('crm'));
		await h.press('G');
		await h.waitFor(f => selectedRow(f).includes('crm'));
		await h.press('/');
		await h.type('state:active');
		await h.waitFor(f => f.includes('1 of 3 match') && selectedRow(f).includes('payroll'));
		await h.press(KEYS.enter, 'k', KEYS.enter);
		await h.waitFor(f => f.includes('App payroll') && f.includes('offline state'));
	});

	it('pages with g/G, Home/End, PgUp/PgDn and Ctrl-d/Ctrl-u, rendering only the rows that fit', async () => {
		const h = start(manyApps(300));
		await h.press('5');
		let frame = await h.waitFor(f => f.includes('app001') && f.includes('300 rows'));
		expect(frame.split('\n').filter(line => /app\d{3}/.test(line)).length).toBeLessThan(30);
		await h.press('G');
		frame = await h.waitFor(f => selectedRow(f).includes('app300'));
		expect(frame).toMatch(/\(\d+-300\)/);
		await h.press('g');
		await h.waitFor(f => selectedRow(f).includes('app001'));
		await h.press(KEYS.end);
		await h.waitFor(f => selectedRow(f).includes('app300'));
		await h.press(KEYS.home);
		await h.waitFor(f => selectedRow(f).includes('app001'));
		await h.press(KEYS.pageDown);
		frame = await h.waitFor(f => !selectedRow(f).includes('app001'));
		const page = Number(/app(\d{3})/.exec(selectedRow(frame))![1]) - 1;
		expect(page).toBeGreaterThan(10);
		await h.press(KEYS.pageDown, KEYS.pageUp);
		await h.waitFor(f => selectedRow(f).includes(`app${String(page + 1).padStart(3, '0')}`));
		await h.press(KEYS.ctrlD);
		const half = Math.floor(page / 2);
		await h.waitFor(f => selectedRow(f).includes(`app${String(page + half + 1).padStart(3, '0')}`));
		await h.press(KEYS.ctrlU, KEYS.ctrlU);
		await h.waitFor(f => selectedRow(f).includes(`app${String(page - half + 1).padStart(3, '0')}`));
	});

	it('marks rows with Space, marks all filtered rows with *, clears with U; the count shows under the list', async () => {
		const h = start(manyApps(30));
		await h.press('5');
		await h.waitFor(f => f.includes('30 rows'));
		await h.press(KEYS.space, KEYS.space);
		let frame = await h.waitFor(f => f.includes('2 marked'));
		expect(frame).toMatch(/^ \* ?app001/m);
		expect(selectedRow(frame)).toContain('app003');
		await h.press('/');
		await h.type('state:test');
		await h.press(KEYS.enter, '*');
		frame = await h.waitFor(f => f.includes('11 marked')); // app001 was TEST already: 10 TEST + app002
		expect(frame).toContain('10 of 30 match /state:test');
		await h.press(KEYS.esc);
		await h.waitFor(f => f.includes('30 rows · 11 marked'));
		await h.press('U');
		await h.waitFor(f => f.includes('30 rows') && !f.includes('marked'));
	});

	it('sorts by column with s (shown in the header), S reverses, and back to the gateway order', async () => {
		const h = start();
		await h.press('5');
		await h.waitFor(f => f.includes('wiki') && f.includes('[ACTIVE]'));
		const order = (f: string) => ['payroll', 'wiki', 'crm'].sort((a, b) => f.indexOf(`${a} `) - f.indexOf(`${b} `));
		expect(order(h.frame())).toEqual(['payroll', 'wiki', 'crm']);
		await h.press(KEYS.down);
		await h.waitFor(f => selectedRow(f).includes('wiki'));
		await h.press('s');
		let frame = await h.waitFor(f => f.includes('NAME▲'));
		expect(order(frame)).toEqual(['crm', 'payroll', 'wiki']);
		expect(selectedRow(frame)).toContain('wiki'); // the selection follows its row
		expect(frame).toContain('sorted by NAME▲');
		await h.press('S');
		frame = await h.waitFor(f => f.includes('NAME▼'));
		expect(order(frame)).toEqual(['wiki', 'payroll', 'crm']);
		await h.press('s');
		frame = await h.waitFor(f => f.includes('STATE▲'));
		expect(order(frame)).toEqual(['payroll', 'crm', 'wiki']);
		await h.press('s', 's');
		frame = await h.waitFor(f => !f.includes('▲') && !f.includes('sorted'));
		expect(order(frame)).toEqual(['payroll', 'wiki', 'crm']);
	});
});

describe('item screens at 80x24', () => {
	it('show every field of the IdP and the app without a line longer than the terminal', async () => {
		const fake = createFakeApi();
		store = createOagStore({api: fake.api, connection: demoConnection, healthIntervalMs: 2000});
		harness = renderAt(<App store={store} theme={themeNamed('no-color')} />, {columns: 80, rows: 24});
		const h = harness;
		await h.waitFor(f => f.includes('IdP Okta Prod'));
		await command(h, 'idp okta prod');
		let frame = await h.waitFor(f => f.includes('Directories (1)'));
		for (const text of ['IdP Okta Prod', 'failover mode', '[AUTOMATIC]', 'healthCheckInterval', 'recoveryCooldownInterval', 'dir-1', 'ldap://ldap.example.com:389']) {
			expect(frame).toContain(text);
		}
		expect(Math.max(...frame.split('\n').map(line => line.length))).toBeLessThanOrEqual(80);
		await command(h, 'app payroll');
		frame = await h.waitFor(f => f.includes('App payroll') && f.includes('offline state'));
		for (const text of ['app-1', '[ACTIVE]', 'access policy', 'pol-1', 'public domain']) expect(frame).toContain(text);
		expect(frame).toContain('Dashboard › IdPs › Okta Prod › Apps › payroll');
	});
});
