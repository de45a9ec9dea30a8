import chalk from 'chalk';
import {afterEach, describe, expect, it} from 'vitest';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import {App} from '../../source/ui/shell/App.js';
import {themeNamed} from '../../source/ui/theme/theme.js';
import {createFakeApi, demoConnection} from '../store/fakeOagApi.js';
import {hasColourEscapes, KEYS, renderAt, type Harness} from './harness.js';

let harness: Harness | undefined;
let store: OagStore | undefined;
afterEach(() => {
	harness?.unmount();
	store?.dispose();
});

function start(options: {readOnly?: boolean; theme?: string; columns?: number; rows?: number} = {}) {
	const fake = createFakeApi();
	store = createOagStore({api: fake.api, connection: {...demoConnection, readOnly: options.readOnly ?? false}, healthIntervalMs: 2000});
	harness = renderAt(<App store={store} theme={themeNamed(options.theme ?? 'dark')} />, {
		columns: options.columns ?? 100,
		rows: options.rows ?? 30,
	});
	return {harness, fake, store};
}

describe('App shell', () => {
	it('opens on the dashboard with the header and the readiness checklist', async () => {
		const {harness} = start();
		const frame = await harness.waitFor(f => f.includes('App crm'));
		expect(frame).toContain('profile test');
		expect(frame).toContain('gateway oag.example.com');
		expect(frame).toContain('[RW]');
		expect(frame).toContain('Dashboard');
		expect(frame).toMatch(/\[x\] Authentication service\s/);
		expect(frame).toMatch(/\[ \] IdP Auth0 Lab .*failover DISABLED: set AUTOMATIC/);
		expect(frame).toMatch(/\[ \] App crm .*INACTIVE/);
		expect(frame).toContain(':idps');
		expect(frame).toContain('? help');
	});

	it('goes to :health and shows the status with its meaning; Esc goes back', async () => {
		const {harness} = start();
		await harness.waitFor(f => f.includes('Readiness'));
		await harness.press(':');
		await harness.type('health');
		await harness.press(KEYS.enter);
		const frame = await harness.waitFor(f => f.includes('normal operation'));
		expect(frame).toContain('[HEALTHY]');
		expect(frame).toContain('Dashboard › Health');
		expect(frame).toContain('Okta Prod');
		expect(frame).toContain('[AUTOMATIC]');
		await harness.press(KEYS.esc);
		await harness.waitFor(f => f.includes('Readiness') && !f.includes('› Health'));
	});

	it('completes commands with Tab', async () => {
		const {harness} = start();
		await harness.waitFor(f => f.includes('Readiness'));
		await harness.press(':', 'h', 'e', KEYS.tab);
		await harness.waitFor(f => f.includes(':he_') && f.includes(':help'));
		await harness.press('a', KEYS.tab);
		await harness.waitFor(f => f.includes(':health_'));
		await harness.press(KEYS.enter);
		await harness.waitFor(f => f.includes('Authentication service health'));
	});

	it('lists keys and commands with ?', async () => {
		const {harness} = start();
		await harness.waitFor(f => f.includes('Readiness'));
		await harness.press('?');
		const frame = await harness.waitFor(f => f.includes('Keys and commands'));
		expect(frame).toContain(':apps');
		expect(frame).toContain(':ctx NAME');
		expect(frame).toContain('Esc');
		await harness.press(KEYS.esc);
		await harness.waitFor(f => !f.includes('Keys and commands'));
	});

	it('filters a list with / and Esc clears the filter', async () => {
		const {harness} = start();
		await harness.press('5');
		await harness.waitFor(f => f.includes('payroll') && f.includes('wiki'));
		await harness.press('/');
		await harness.type('wik');
		let frame = await harness.waitFor(f => f.includes('1 of 3 match /wik'));
		expect(frame).not.toContain('payroll');
		await harness.press(KEYS.enter);
		frame = await harness.waitFor(f => !f.includes('keep filter'));
		expect(frame).toContain('1 of 3 match /wik');
		await harness.press('/', KEYS.esc);
		await harness.waitFor(f => f.includes('payroll') && f.includes('3 rows'));
	});

	it('asks for a typed confirmation before a dangerous action; Esc cancels without acting', async () => {
		const {harness, fake} = start();
		await harness.press('4');
		await harness.waitFor(f => f.includes('Okta Prod') && f.includes('[AUTOMATIC]'));
		await harness.press('D');
		await harness.waitFor(f => f.includes('Type DISABLED'));
		await harness.press(KEYS.esc);
		await harness.waitFor(f => !f.includes('Type DISABLED'));
		expect(fake.control.calls).not.toContain('idps.setFailoverMode');
		await harness.press('D');
		await harness.type('DISABLED');
		await harness.press(KEYS.enter);
		await harness.waitFor(f => f.includes('done and verified'));
		expect(fake.control.data.idps[0]!.mode).toBe('DISABLED');
	});

	it('in read-only mode refuses mutating keys and says why', async () => {
		const {harness, fake} = start({readOnly: true});
		await harness.press('4');
		await harness.waitFor(f => f.includes('Auth0 Lab'));
		expect(harness.frame()).toContain('[RO]');
		expect(harness.frame()).not.toContain('failover AUTOMATIC');
		await harness.press(KEYS.down, 'a');
		await harness.waitFor(f => f.includes('read-only mode'));
		await harness.press('D');
		expect(harness.frame()).not.toContain('Type DISABLED');
		expect(fake.control.calls).not.toContain('idps.setFailoverMode');
	});

	it('shows a clear message below 80x24 and redraws when resized', async () => {
		const {harness} = start({columns: 70, rows: 20});
		await harness.waitFor(f => f.includes('needs at least 80x24'));
		harness.stdout.resize(100, 30);
		await harness.waitFor(f => f.includes('Readiness'));
		harness.stdout.resize(60, 30);
		await harness.waitFor(f => f.includes('The terminal is 60x30'));
	});

	it('prints no colour escapes with the no-color theme, but colours with dark', async () => {
		const plain = start({theme: 'no-color'});
		await plain.harness.waitFor(f => f.includes('App crm'));
		expect(hasColourEscapes(plain.harness.rawFrame())).toBe(false);
		plain.harness.unmount();
		// Under vitest stdout is no TTY, so chalk would print no colour at all; the tmux e2e runs the real thing.
		chalk.level = 1;
		const coloured = start({theme: 'dark'});
		await coloured.harness.waitFor(f => f.includes('App crm'));
		expect(hasColourEscapes(coloured.harness.rawFrame())).toBe(true);
	});
});

describe('keystroke bursts', () => {
	it('handles a burst of typed characters (tmux send-keys, a paste) one key at a time', async () => {
		const {harness} = start();
		await harness.waitFor(f => f.includes('Readiness'));
		await harness.press(':health\r');
		await harness.waitFor(f => f.includes('Authentication service health'));
	});
});

describe('header and profiles', () => {
	it('warns loudly about --insecure and switches profiles with :ctx NAME (Tab completes the name)', async () => {
		const first = createFakeApi();
		const second = createFakeApi();
		store = createOagStore({api: first.api, connection: {...demoConnection, insecure: true}});
		const other = createOagStore({api: second.api, connection: {...demoConnection, profile: 'staging', host: 'oag-staging.example.com'}});
		harness = renderAt(
			<App store={store} theme={themeNamed('dark')} listContexts={() => ['prod', 'staging']} openContext={async () => other} />,
			{columns: 120, rows: 30},
		);
		await harness.waitFor(f => f.includes('[INSECURE TLS: certificate not verified]'));
		await harness.press(':', 'c', 't', 'x', KEYS.tab, 's', KEYS.tab);
		await harness.waitFor(f => f.includes(':ctx staging_'));
		await harness.press(KEYS.enter);
		const frame = await harness.waitFor(f => f.includes('profile staging') && f.includes('Switched to profile staging'));
		expect(frame).toContain('gateway oag-staging.example.com');
		expect(frame).not.toContain('INSECURE');
		other.dispose();
	});
});
