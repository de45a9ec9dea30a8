import {describe, expect, it} from 'vitest';
import {gatewayHostProblem, maskedKey, privateKeyProblem, validateSetup} from '../../source/ui/screens/setup/setupForm.js';
import {App} from '../../source/ui/shell/App.js';
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
		await h.waitFor(f => f.includes('Use letters, digits'));
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
