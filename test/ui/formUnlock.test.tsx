import {afterEach, describe, expect, it} from 'vitest';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import type {SetupValues} from '../../source/ui/screens/setup/setupForm.js';
import type {UnlockOutcome} from '../../source/ui/screens/unlock/unlockForm.js';
import {App} from '../../source/ui/shell/App.js';
import {themeNamed} from '../../source/ui/theme/theme.js';
import {createFakeApi, demoConnection} from '../store/fakeOagApi.js';
import {KEYS, renderAt, type Harness} from './harness.js';

// Setup's storage choice and the in-TUI passphrase for an encrypted-file profile, through the whole App.

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
const PASSPHRASE = 'open sesame 42';
const RIGHT = '\u001b[C';

let harness: Harness | undefined;
const stores: OagStore[] = [];
afterEach(() => {
	harness?.unmount();
	for (const store of stores.splice(0)) store.dispose();
});

const storeFor = (profile: string): OagStore => {
	const store = createOagStore({api: createFakeApi().api, connection: {...demoConnection, profile}});
	stores.push(store);
	return store;
};

describe('Setup: where the key is stored', () => {
	it('offers the encrypted file with a masked passphrase, checked for length and repetition as typed', async () => {
		let submitted: SetupValues | undefined;
		const setup = {
			connect: async (values: SetupValues) => {
				submitted = values;
				return {ok: false as const, message: 'Cannot store the key in the encrypted file (disk full). Nothing was stored.'};
			},
		};
		harness = renderAt(<App theme={themeNamed('no-color')} setup={setup} />, {columns: 100, rows: 34});
		const h = harness;
		let frame = await h.waitFor(f => f.includes('First-run setup'));
		expect(frame).toContain('ctrl+s connect'); // the form's actions are in the footer
		expect(frame).toContain('ctrl+t test');
		expect(frame).not.toContain('Key file passphrase'); // only with the encrypted file
		await h.type('oag.example.com');
		await h.press(KEYS.tab);
		await h.type('client-1');
		await h.press(KEYS.tab, PEM.replace(/\n/g, '\r'));
		await h.waitFor(f => f.includes('> CA file'));
		await h.press(KEYS.tab, KEYS.tab, RIGHT);
		await h.waitFor(f => f.includes('(•) Encrypted file') && f.includes('Key file passphrase'));
		await h.press(KEYS.tab);
		await h.type('short');
		await h.waitFor(f => f.includes('At least 8 characters.'));
		for (let i = 0; i < 5; i++) await h.press(KEYS.backspace);
		await h.type(PASSPHRASE);
		await h.press(KEYS.tab);
		await h.type('open sesame 43');
		await h.waitFor(f => f.includes('The two passphrases differ.'));
		await h.press(KEYS.enter); // the last field submits, but not while a rule fails
		await h.waitFor(f => f.includes('Some fields need attention.'));
		expect(submitted).toBeUndefined();
		await h.press(KEYS.backspace);
		await h.type('2');
		await h.waitFor(f => !f.includes('The two passphrases differ.'));
		await h.press(KEYS.enter);
		frame = await h.waitFor(f => f.includes('disk full'));
		expect(submitted).toMatchObject({backend: 'encrypted-file', passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, profile: 'oag.example.com'});
		for (const seen of h.stdout.frames) expect(seen).not.toMatch(/open sesame|MIIE/);
		expect(frame).toMatch(/Key file passphrase\s+••••••••/); // a failure keeps the typed passphrase
	});

	it("puts the service's field errors on Setup's fields", async () => {
		const setup = {
			connect: async () => ({
				ok: false as const,
				message: 'We refused the TLS certificate of oag.example.com: nothing was sent.',
				fieldErrors: {caFile: "The gateway's certificate is not trusted here: give the CA file that issued it."},
			}),
		};
		harness = renderAt(<App theme={themeNamed('no-color')} setup={setup} />, {columns: 100, rows: 34});
		const h = harness;
		await h.waitFor(f => f.includes('First-run setup'));
		await h.type('oag.example.com');
		await h.press(KEYS.tab);
		await h.type('client-1');
		await h.press(KEYS.tab, PEM.replace(/\n/g, '\r'));
		await h.waitFor(f => f.includes('> CA file'));
		await h.press('\u0013'); // Ctrl+S
		const frame = await h.waitFor(f => f.includes('We refused the TLS certificate'));
		expect(frame).toMatch(/CA file \(optional\)\s+_?\n\s+The gateway's certificate is not trusted here/);
	});
});

describe('Setup at 80x24', () => {
	it('keeps every field on its own row when errors pile up: the focused error in full, the others marked', async () => {
		harness = renderAt(<App theme={themeNamed('no-color')} setup={{connect: async () => ({ok: false as const, message: 'not reached'})}} />, {columns: 80, rows: 24});
		const h = harness;
		await h.waitFor(f => f.includes('First-run setup'));
		await h.type('oag.example.com');
		await h.press(KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, RIGHT, KEYS.tab);
		await h.press('\u0013');
		const frame = await h.waitFor(f => f.includes('Some fields need attention.'));
		const lines = frame.split('\n');
		expect(lines.length).toBeLessThanOrEqual(24);
		expect(frame).toContain('First-run setup: connect to your Access Gateway');
		for (const label of ['Gateway admin host', 'API client id', 'Private key (paste)', 'CA file (optional)', 'Profile name', 'Store the key in', 'Key file passphrase', 'Repeat the passphrase']) {
			expect(lines.filter(line => line.includes(label))).toHaveLength(1);
		}
		expect(frame).toMatch(/> API client id\s+_\n\s+Required\./); // the focus went to the first field in error
		expect(frame).toMatch(/✗ Private key \(paste\)/);
		expect(frame).toMatch(/✗ Key file passphrase/);
		expect(frame).toContain('ctrl+s connect');
	});
});

describe(':ctx to a profile whose key is passphrase-encrypted', () => {
	it('asks for the passphrase in the TUI, refuses a wrong one on the field, and switches with the right one', async () => {
		const tried: string[] = [];
		const unlockContext = async (name: string, passphrase: string): Promise<UnlockOutcome> => {
			tried.push(`${name}:${passphrase}`);
			if (passphrase !== PASSPHRASE) return {ok: false, message: `wrong passphrase for the key of profile ${name}`, wrongPassphrase: true};
			return {ok: true, store: storeFor(name)};
		};
		harness = renderAt(
			<App
				store={storeFor('test')}
				theme={themeNamed('no-color')}
				listContexts={() => ['test', 'vault']}
				openContext={async () => {
					throw new Error('must not open without the passphrase');
				}}
				needsPassphrase={name => name === 'vault'}
				unlockContext={unlockContext}
			/>,
			{columns: 100, rows: 30},
		);
		const h = harness;
		await h.waitFor(f => f.includes('profile test'));
		await h.press(':');
		await h.type('ctx vault');
		await h.press(KEYS.enter);
		await h.waitFor(f => f.includes('Profile vault: its key is in a passphrase-encrypted file'));
		// Esc goes back without switching; :ctx asks again. The draft (through the App's DraftStore) remembers
		// that something was typed, not what.
		await h.type('half-typed');
		await h.press(KEYS.esc);
		await h.waitFor(f => f.includes('profile test') && !f.includes('Key file passphrase'));
		await h.press(':');
		await h.type('ctx vault');
		await h.press(KEYS.enter);
		await h.waitFor(f => /> Key file passphrase\s+_\n\s+Typed before you left; secrets are not kept: type it again\./.test(f));
		await h.type('guess-one');
		await h.press(KEYS.enter);
		let frame = await h.waitFor(f => f.includes('Wrong passphrase: try again.'));
		expect(frame).toMatch(/Key file passphrase\s+••••••••/);
		for (let i = 0; i < 'guess-one'.length; i++) await h.press(KEYS.backspace);
		await h.type(PASSPHRASE);
		await h.press(KEYS.enter);
		frame = await h.waitFor(f => f.includes('profile vault'));
		expect(tried).toEqual(['vault:guess-one', `vault:${PASSPHRASE}`]);
		for (const seen of h.stdout.frames) expect(seen).not.toMatch(/guess-one|open sesame|half-typed/);
	});
});
