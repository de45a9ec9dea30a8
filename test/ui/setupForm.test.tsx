import {stripVTControlCharacters} from 'node:util';
import {describe, expect, it} from 'vitest';
import type {OagStore} from '../../source/store/createOagStore.js';
import {createNavigation} from '../../source/ui/navigation.js';
import {gatewayHostProblem, keyStartIndex, maskedKey, privateKeyProblem, validateSetup} from '../../source/ui/screens/setup/setupForm.js';
import {SetupView} from '../../source/ui/screens/setup/SetupView.js';
import {App} from '../../source/ui/shell/App.js';
import {ShellContext} from '../../source/ui/shell/ShellContext.js';
import {ThemeProvider} from '../../source/ui/theme/ThemeContext.js';
import {themeNamed} from '../../source/ui/theme/theme.js';
import {KEYS, renderAt} from './harness.js';

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';

describe('setup form rules', () => {
	it('checks the host as login --host accepts it', () => {
		expect(gatewayHostProblem('oag.example.com')).toBeUndefined();
		expect(gatewayHostProblem('https://oag.example.com:8443')).toBeUndefined();
		expect(gatewayHostProblem('oag.example.com:99999')).toMatch(/port/);
		expect(gatewayHostProblem('oag.example.com/admin')).toMatch(/path/);
		expect(gatewayHostProblem('')).toBe('Required.');
		// One rule with login: internal DNS names with underscores, and IPv6 literals.
		expect(gatewayHostProblem('oag_admin.corp.example')).toBeUndefined();
		expect(gatewayHostProblem('::1')).toBeUndefined();
		expect(gatewayHostProblem('[::1]:8443')).toBeUndefined();
	});

	it('checks the key is a complete PKCS#8 PEM and never shows it', () => {
		expect(privateKeyProblem(PEM)).toBeUndefined();
		expect(privateKeyProblem('-----BEGIN RSA PRIVATE KEY-----\n')).toMatch(/PKCS#8/);
		expect(privateKeyProblem('-----BEGIN PRIVATE KEY-----\nMIIE')).toMatch(/incomplete/);
		expect(maskedKey(PEM)).toBe('•••••••• 3 lines pasted, complete');
		expect(maskedKey(PEM)).not.toContain('MII');
		expect(validateSetup({host: 'x', clientId: '', privateKeyPem: '', caFile: '', profile: 'ok'})).toMatchObject({clientId: 'Required.'});
	});
});

describe('where a pasted key starts', () => {
	it('at -----B or PRIVATE KEY, or at a burst ending in the first characters of -----BEGIN', () => {
		expect(keyStartIndex('oag.example.com-----BEGIN PRIVATE KEY-----', 27)).toBe(15);
		expect(keyStartIndex('-----B', 6)).toBe(0);
		expect(keyStartIndex('oag.example.com-----BEG', 8)).toBe(15);
		expect(keyStartIndex('oag.example.com---', 3)).toBe(15);
		expect(keyStartIndex('gw-----B', 1)).toBe(2); // typed one key at a time: the dashes before B belong to the key
		expect(keyStartIndex('IN PRIVATE KEY-----', 19)).toBe(0);
		expect(keyStartIndex('my-gw.example.com', 17)).toBe(-1);
		expect(keyStartIndex('my-', 1)).toBe(-1); // a typed hyphen is a hyphen
		expect(keyStartIndex('client-1', 8)).toBe(-1);
	});
});

const frames = (h: ReturnType<typeof renderAt>): string[] => h.stdout.frames.map(frame => stripVTControlCharacters(frame));

/** Setup alone, with a shell whose `connected` keeps the form on screen, so its state after success shows. */
function renderSetup(connect: (values: Record<string, string>) => Promise<unknown>) {
	const connected: OagStore[] = [];
	const services = {
		listContexts: () => [],
		switchContext: async () => undefined,
		exit: () => undefined,
		setup: {connect: connect as never},
		connected: (store: OagStore) => void connected.push(store),
	};
	const h = renderAt(
		<ThemeProvider theme={themeNamed('no-color')}>
			<ShellContext.Provider value={{store: undefined, nav: createNavigation('setup'), services}}>
				<SetupView width={100} height={30} />
			</ShellContext.Provider>
		</ThemeProvider>,
		{columns: 100, rows: 30},
	);
	return {h, connected};
}

describe('Setup screen: a key paste split across bursts', () => {
	for (const [name, cut] of [
		['inside -----BEGIN', '-----BEG'.length],
		['inside the dashes', '--'.length],
		['right after -----B', '-----B'.length],
	] as const) {
		it(`never shows a piece of the key in the host field (split ${name})`, async () => {
			const {h} = renderSetup(async () => ({ok: false, message: 'not now'}));
			await h.waitFor(f => f.includes('> Gateway admin host'));
			await h.type('oag.example.com');
			await h.waitFor(f => /Gateway admin host\s+oag\.example\.com_/.test(f));
			const seen = h.stdout.frames.length;
			const paste = PEM.replace(/\n/g, '\r');
			await h.press(paste.slice(0, cut));
			await h.press(paste.slice(cut));
			const frame = await h.waitFor(f => f.includes('3 lines pasted, complete'));
			expect(frame).toMatch(/Gateway admin host\s+oag\.example\.com\s/);
			for (const later of frames(h).slice(seen)) {
				expect(later).not.toMatch(/-----|BEG|MIIE/);
				expect(later).not.toMatch(/oag\.example\.com-/);
			}
			h.unmount();
		});
	}

	it('a split key pasted into an empty host field goes whole to the key field', async () => {
		let submitted: Record<string, string> | undefined;
		const {h} = renderSetup(async values => {
			submitted = values;
			return {ok: false, message: 'not now'};
		});
		await h.waitFor(f => f.includes('> Gateway admin host'));
		const paste = PEM.replace(/\n/g, '\r');
		await h.press(paste.slice(0, 4));
		await h.press(paste.slice(4));
		await h.waitFor(f => f.includes('3 lines pasted, complete'));
		expect(frames(h).join('\n')).not.toMatch(/-----|BEG|MIIE/);
		await h.waitFor(f => f.includes('> CA file')); // the paste ended with the END line and a line break
		await h.press(KEYS.up, KEYS.up, KEYS.up);
		await h.type('oag.example.com');
		await h.press(KEYS.tab);
		await h.type('client-1');
		await h.press(KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.enter);
		await h.waitFor(f => f.includes('not now'));
		expect(submitted?.privateKeyPem).toBe(PEM.trimEnd());
		h.unmount();
	});
});

describe('Setup screen: after success', () => {
	it('the form keeps no copy of the key', async () => {
		const store = {dispose: () => undefined} as unknown as OagStore;
		const {h, connected} = renderSetup(async () => ({ok: true, store, note: 'Connected to oag.example.com as profile gw.'}));
		await h.waitFor(f => f.includes('> Gateway admin host'));
		await h.type('oag.example.com');
		await h.press(KEYS.tab);
		await h.type('client-1');
		await h.press(KEYS.tab);
		await h.press(PEM.replace(/\n/g, '\r'));
		await h.waitFor(f => f.includes('3 lines pasted, complete'));
		await h.press(KEYS.tab, KEYS.tab, KEYS.enter);
		const frame = await h.waitFor(f => f.includes('Connected to oag.example.com as profile gw.'));
		expect(connected).toEqual([store]);
		expect(frame).not.toContain('lines pasted');
		expect(frame).toMatch(/Private key \(paste\)\s*\n/);
		expect(frame).toMatch(/API client id\s+client-1/); // the rest stays, for the record
		h.unmount();
	});
});

describe('Setup screen', () => {
	it('validates per field, masks the key, and keeps typed values when the gateway refuses', async () => {
		let submitted: Record<string, string> | undefined;
		const setup = {
			connect: async (values: Record<string, string>) => {
				submitted = values;
				return {ok: false as const, message: 'the gateway refused the credentials', fieldErrors: {clientId: 'unknown client'}};
			},
		};
		const h = renderAt(<App theme={themeNamed('no-color')} setup={setup} />, {columns: 100, rows: 30});
		await h.waitFor(f => f.includes('First-run setup'));
		await h.type('bad host!');
		await h.press(KEYS.tab);
		await h.waitFor(f => f.includes('A host has no spaces'));
		await h.press(KEYS.up);
		for (let i = 0; i < 'bad host!'.length; i++) await h.press(KEYS.backspace);
		await h.type('oag.example.com');
		await h.press(KEYS.tab);
		await h.type('client-1');
		await h.press(KEYS.tab);
		await h.press(PEM.replace(/\n/g, '\r')); // a paste arrives as one chunk with carriage returns
		let frame = await h.waitFor(f => f.includes('3 lines pasted, complete'));
		expect(frame).not.toContain('MIIE');
		// The paste ends with a line break: Enter after the END line moves on to the CA file.
		await h.waitFor(f => f.includes('> CA file'));
		await h.press(KEYS.tab);
		frame = await h.waitFor(f => /> Profile name\s+oag\.example\.com/.test(f));
		await h.press(KEYS.tab, KEYS.enter);
		frame = await h.waitFor(f => f.includes('the gateway refused the credentials'));
		expect(frame).toContain('unknown client');
		expect(frame).toMatch(/API client id\s+client-1/);
		expect(frame).toMatch(/Gateway admin host\s+oag\.example\.com/);
		await h.press(KEYS.up, KEYS.up, KEYS.up, KEYS.up, KEYS.up);
		await h.waitFor(f => f.includes('> Gateway admin host'));
		await h.press('-----BEGIN PRIVATE KEY-----\rMIIE');
		frame = await h.waitFor(f => f.includes('> Private key') && f.includes('The paste is incomplete'));
		expect(frame).not.toContain('BEGIN');
		expect(frame).not.toContain('MIIE');
		expect(frame).toMatch(/Gateway admin host\s+oag\.example\.com\s/);
		expect(submitted).toMatchObject({host: 'oag.example.com', clientId: 'client-1', privateKeyPem: PEM.trimEnd(), profile: 'oag.example.com'});
		h.unmount();
	});
});
