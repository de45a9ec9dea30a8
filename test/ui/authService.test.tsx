import {beforeEach, describe, expect, it} from 'vitest';
import {paths} from '../../source/api/schemas/paths.js';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {KEYS, type Harness} from './harness.js';
import {simulatedShell} from './simulatedShell.js';

// The Authentication service screen and its forms, driven by keys through the whole shell against the
// simulator: the setting by certificate name, health with what to check next, the typed disable, the
// enable form (validation, values kept after a failure and after leaving), the pre-flight key, and the
// change path that restores the old setting when the new enable fails (injected 500).

const RIGHT = '\u001b[C';
const CTRL_S = '\u0013';
const CTRL_T = '\u0014';
const ENABLE_ROUTE = `POST ${paths.authService}`;
const shell = simulatedShell();

beforeEach(async () => {
	shell.env.sim.control.setFaults({});
	shell.env.sim.control.setOutage(false);
	// Every test starts from the seeded setting.
	if (!(await shell.env.client.authService.get())) {
		const certificateId = (await shell.env.client.certificates.list()).find(c => c.commonName === '*.example.com')!.id;
		await shell.env.client.authService.enable({
			serverNodes: ['oag-node-1.example.com', 'oag-node-2.example.com'],
			database: {type: 'mysql', host: 'db.example.com', port: 3306, name: 'oagofflinemode', username: 'oag', password: 'seeded-password'},
			publicDomain: 'offline-idp-service.example.com',
			certificateId,
		});
	}
	shell.env.sim.control.resetCounters();
});
const start = (): Harness => shell.start({host: 'oag.example.com', audit: memoryAuditLog(), healthIntervalMs: 1000, columns: 110, rows: 40});

async function openAuth(h: Harness): Promise<string> {
	await h.press('3');
	return h.waitFor(f => f.includes('Authentication service') && f.includes('Certificate') && f.includes('days left') && /Health\s+\[HEALTHY\]/.test(f));
}

async function disableByTyping(h: Harness): Promise<void> {
	await h.press('D');
	// The bar itself: the message of an earlier refusal also names DISABLE, and the screen's hint says what D does.
	await h.waitFor(f => f.includes('Type DISABLE to confirm'));
	await h.type('DISABLE');
	await h.waitFor(f => f.includes('Type DISABLE to confirm: DISABLE'));
	await h.press(KEYS.enter);
	await h.waitFor(f => f.includes('[NOT ENABLED]') && f.includes('Press e to open the enable form'));
}

describe('the Authentication service screen', () => {
	it('shows the certificate by CN, SAN and days left, and what to check next when UNHEALTHY', async () => {
		const h = start();
		const frame = await openAuth(h);
		expect(frame).toMatch(/Certificate\s+\*\.example\.com \(SAN \*\.example\.com, example\.com; 24\d days left\)/);
		expect(frame).toContain('mysql db.example.com:3306/oagofflinemode');
		expect(frame).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
		shell.env.sim.control.setOutage(true);
		const bad = await h.waitFor(f => f.includes('[UNHEALTHY]') && f.includes('Check next, in order:'), 8000);
		expect(bad).toMatch(/1\. The database db\.example\.com:3306\/oagofflinemode as oag-node-1\.example\.com/);
		expect(bad).toMatch(/2\. The public domain offline-idp-service\.example\.com/);
		expect(bad).toMatch(/3\. The nodes/);
	});

	it('D disables only after DISABLE is typed; a wrong word changes nothing', async () => {
		const h = start();
		await openAuth(h);
		await h.press('D');
		await h.waitFor(f => f.includes('Type DISABLE to confirm'));
		await h.type('disable');
		await h.waitFor(f => f.includes('Type DISABLE to confirm: disable'));
		await h.press(KEYS.enter);
		// The shell's "Not confirmed (typed …)" and then the runner's "…: not confirmed; nothing was changed."
		await h.waitFor(f => /not confirmed/i.test(f));
		expect(await shell.env.client.authService.get()).toBeDefined();
		await disableByTyping(h);
		expect(await shell.env.client.authService.get()).toBeUndefined();
	});
});

describe('the enable form', () => {
	it('validates inline, keeps every value after a failed enable and after leaving and coming back; Ctrl+T runs the pre-flight', async () => {
		const h = start();
		await openAuth(h);
		await disableByTyping(h);
		await h.press('e');
		await h.waitFor(f => f.includes('Enable the authentication service') && f.includes('Server nodes'));
		// An empty submit: every field says what it needs; nothing is sent.
		await h.press(CTRL_S);
		let frame = await h.waitFor(f => f.includes('Some fields need attention.'));
		expect(frame).toContain('Add at least 1 item.');
		expect(shell.env.sim.control.counters().byRoute[ENABLE_ROUTE] ?? 0).toBe(0);

		await h.type('oag-node-1.example.com');
		await h.press(KEYS.enter, KEYS.tab);
		await h.type('127.0.0.1');
		await h.press(KEYS.tab, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace);
		await h.type('70000');
		frame = await h.waitFor(f => f.includes('From 1 to 65535.'));
		await h.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace);
		await h.type('1');
		await h.press(KEYS.tab);
		await h.type('oag');
		await h.press(KEYS.tab);
		await h.type('typed-db-password');
		await h.press(KEYS.tab);
		await h.type('oagoffline');
		await h.press(KEYS.tab, KEYS.tab); // past the database CA file
		await h.type('offline.example.org');
		await h.press(KEYS.tab, RIGHT);
		frame = await h.waitFor(f => /‹ .+days left\) ›/.test(f));
		// The picked certificate does not cover the typed public domain: said above the form.
		if (!frame.includes('*.example.com (SAN')) {
			await h.press(RIGHT);
			frame = await h.waitFor(f => f.includes('‹ *.example.com (SAN'));
		}
		expect(frame).toMatch(/\[WARN\] the certificate \*\.example\.com does not cover offline\.example\.org/);
		expect(frame).not.toContain('typed-db-password');

		// The pre-flight from this machine: port 1 on loopback is closed, so it fails at once, saying why.
		await h.press(CTRL_T);
		frame = await h.waitFor(f => f.includes('[FAIL] TCP connect to 127.0.0.1:1'));
		expect(frame).toMatch(/refused: nothing listens on 127\.0\.0\.1:1/);
		expect(frame).toContain('from this machine');

		// The gateway fails the enable (injected 500): the form keeps every value.
		shell.env.sim.control.setFaults({failNext: {[ENABLE_ROUTE]: 1}});
		await h.press(CTRL_S);
		frame = await h.waitFor(f => /enable the authentication service at offline\.example\.org: Gateway error .*Internal Server Error/.test(f.replace(/\s+/g, ' ')));
		for (const kept of ['oag-node-1.example.com', '127.0.0.1', 'oagoffline', 'offline.example.org', '••••••••']) expect(frame).toContain(kept);
		expect(await shell.env.client.authService.get()).toBeUndefined();

		// The gateway refuses with field causes (a 400): each lands under its field, the values stay.
		shell.env.sim.control.setFaults({rejectNext: {[ENABLE_ROUTE]: {publicDomain: 'No DNS record for this domain.', 'database.host': 'Not reachable from the server nodes.'}}});
		await h.press(CTRL_S);
		frame = await h.waitFor(f => f.includes('No DNS record for this domain.'));
		const lines = frame.split('\n');
		const under = (label: string) => lines[lines.findIndex(line => line.includes(label)) + 1] ?? '';
		expect(under('Public domain')).toContain('No DNS record for this domain.');
		expect(under('Database host')).toContain('Not reachable from the server nodes.');
		for (const kept of ['oag-node-1.example.com', '127.0.0.1', 'oagoffline', 'offline.example.org', '••••••••']) expect(frame).toContain(kept);

		// Leave and come back: the values are there, the password is asked for again (never kept).
		await h.press(KEYS.esc);
		await h.waitFor(f => f.includes('Press e to open the enable form'));
		await h.press('e');
		frame = await h.waitFor(f => f.includes('Enable the authentication service') && f.includes('offline.example.org'));
		expect(frame).toContain('oag-node-1.example.com');
		expect(frame).toContain('secrets are not kept: type it again');
	});
});

describe('change settings', () => {
	it('disable then enable with the new values; the old setting is restored when the new enable fails', async () => {
		const h = start();
		await openAuth(h);
		await h.press('e');
		let frame = await h.waitFor(f => f.includes('Change the authentication service') && f.includes('offline-idp-service.example.com'));
		expect(frame.replace(/\s+/g, ' ')).toContain('Offline sign-in is unavailable in between');
		// Prefilled from the setting; the credentials are typed again (they are write-only).
		await h.press(KEYS.tab, KEYS.tab, KEYS.tab);
		await h.type('oag');
		await h.press(KEYS.tab);
		await h.type('new-db-password');
		await h.press(KEYS.tab, KEYS.tab, KEYS.tab); // past the database name and CA file
		await h.press(...Array.from({length: 'offline-idp-service.example.com'.length}, () => KEYS.backspace));
		await h.type('new.example.com');
		await h.press(KEYS.tab, KEYS.tab);
		await h.type('seeded-password');
		shell.env.sim.control.setFaults({failNext: {[ENABLE_ROUTE]: 1}});
		await h.press(CTRL_S);
		frame = await h.waitFor(f => f.includes('CHANGE'));
		expect(frame).toMatch(/disabled, then enabled with the new values|Change the authentication service/);
		await h.type('CHANGE');
		await h.press(KEYS.enter);
		frame = await h.waitFor(f => f.includes('The old setting was enabled again.'), 8000);
		expect((await shell.env.client.authService.get())?.publicDomain).toBe('offline-idp-service.example.com');
		expect(frame).toContain('new.example.com'); // the form still holds what was typed
	});
});
