import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {slapdAvailable, startSlapd, type Slapd} from '../helpers/slapd.js';
import {KEYS, type Harness} from './harness.js';
import {openIdpScreen, simulatedShell} from './simulatedShell.js';

// The IdP screen, its health-policy form and its directory form, driven by keys through the whole shell
// against the simulator (whose bind test binds to a real slapd). The bind credential never reaches a frame.

const CTRL_S = '\u0013';
const CTRL_T = '\u0014';
const ldap = slapdAvailable();
const shell = simulatedShell();
let slapd: Slapd;
let harness: Harness | undefined;
let idp: {id: string; name: string};

beforeAll(async () => {
	if (ldap) slapd = await startSlapd();
	const second = (await shell.env.client.idps.list())[1]!;
	idp = {id: second.id, name: second.name};
}, 30_000);
afterAll(async () => {
	await slapd?.stop();
});

async function openIdp(): Promise<Harness> {
	harness = shell.start({host: 'sim', healthIntervalMs: 500, audit: memoryAuditLog(), columns: 120, rows: 45});
	return openIdpScreen(harness, idp.name);
}

const allFrames = () => harness!.stdout.frames.join('\n');

describe('IdP screen', () => {
	it('shows the live countdown and the timeline; the policy form checks the rule as typed and saves', async () => {
		const h = await openIdp();
		let frame = await h.waitFor(f => f.includes('online; failover is DISABLED'), 5000);
		expect(frame.replace(/\s+/g, ' ')).toContain('It checks every 60 s with a 3 s timeout; after 3 failed checks (about 3 min) it fails over; after 2 good checks and a 6 min cooldown it returns.');
		await h.press('p');
		await h.waitFor(f => f.includes(`Health policy of ${idp.name}`));
		await h.press(KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab); // to the cooldown
		await h.press(KEYS.backspace, KEYS.backspace, KEYS.backspace);
		await h.type('300');
		frame = await h.waitFor(f => f.includes('At least 360 s (2 × 60 × 3): 360 is the smallest valid cooldown.'));
		expect(frame).toContain('Fix the fields above to see the timeline.');
		await h.press(KEYS.backspace, KEYS.backspace, KEYS.backspace);
		await h.type('720');
		frame = await h.waitFor(f => f.replace(/\s+/g, ' ').includes('after 2 good checks and a 12 min cooldown it returns.'));
		expect(frame).toContain(`IdPs › ${idp.name} › health policy `);
		await h.press(CTRL_S);
		frame = await h.waitFor(f => f.includes('failover mode') && f.replace(/\s+/g, ' ').includes('a 12 min cooldown it returns.'), 5000);
		expect((await shell.env.client.idps.getHealthPolicy(idp.id)).recoveryCooldownInterval).toBe(720);
		await shell.env.client.idps.replaceHealthPolicy(idp.id, {...(await shell.env.client.idps.getHealthPolicy(idp.id)), recoveryCooldownInterval: 360});
	});

	it('AUTOMATIC on an IdP without a directory warns and asks; DISABLED asks for DISABLED', async () => {
		const h = await openIdp();
		await h.press('a');
		let frame = await h.waitFor(f => f.includes('offline sign-in will find no users'));
		expect(frame).toContain('AUTOMATIC');
		await h.type('AUTOMATIC');
		await h.press(KEYS.enter);
		await h.waitFor(f => f.includes('[AUTOMATIC]'), 5000);
		expect((await shell.env.client.idps.getFailoverMode(idp.id)).mode).toBe('AUTOMATIC');
		await h.press('D');
		frame = await h.waitFor(f => f.includes('DISABLED') && /type DISABLED/i.test(f));
		await h.type('DISABLED');
		await h.press(KEYS.enter);
		await h.waitFor(f => f.includes('[DISABLED]') && f.includes('online; failover is DISABLED'), 5000);
		expect((await shell.env.client.idps.getFailoverMode(idp.id)).mode).toBe('DISABLED');
	});

	it.runIf(ldap)('directories: create from the preset, test both ways, edit keeping the credential, delete with DELETE', async () => {
		const h = await openIdp();
		await h.press('n');
		await h.waitFor(f => f.includes(`New directory for ${idp.name}`));
		await h.press(KEYS.tab);
		await h.type(slapd.url);
		await h.press(KEYS.tab);
		await h.type(slapd.bindDn);
		await h.press(KEYS.tab);
		await h.type(slapd.bindPassword);
		await h.press(CTRL_T);
		let frame = await h.waitFor(f => f.includes('Both tests passed.'), 10_000);
		await h.press(CTRL_S);
		frame = await h.waitFor(f => f.includes('Directories (1)') && f.includes(slapd.url), 5000);
		expect(frame).toContain('OPEN_LDAP');
		const [created] = await shell.env.client.directories.list(idp.id);
		expect(created!.config.usernameLDAPAttribute).toBe('uid');

		await h.press('e');
		await h.waitFor(f => f.includes(`Directory ${slapd.url} of ${idp.name}`));
		await h.press(KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab); // to the username attribute
		await h.press(KEYS.backspace, KEYS.backspace, KEYS.backspace);
		await h.type('mail');
		await h.press(CTRL_S);
		frame = await h.waitFor(f => f.includes('Directories (1)') && f.includes('(bind credential kept)'), 5000);
		expect((await shell.env.client.directories.get(idp.id, created!.id)).config.usernameLDAPAttribute).toBe('mail');

		await h.press('X');
		await h.waitFor(f => f.includes('Type DELETE to confirm'));
		expect(h.frame()).toMatch(/Delete directory ldap:\/\/127\.0\.0\.1:\d+ of /);
		await h.type('DELETE');
		await h.press(KEYS.enter);
		await h.waitFor(f => f.includes('Directories (0)'), 5000);
		expect(await shell.env.client.directories.list(idp.id)).toEqual([]);
		expect(allFrames()).not.toContain(slapd.bindPassword);
	});
});
