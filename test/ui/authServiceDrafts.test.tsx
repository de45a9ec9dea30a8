import {beforeEach, describe, expect, it} from 'vitest';
import {paths} from '../../source/api/schemas/paths.js';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {KEYS, type Harness} from './harness.js';
import {simulatedShell} from './simulatedShell.js';

// The enable form's draft is kept per route: the admin leaves for other screens (not only Esc back to
// the service screen) and finds every value again, the password asked for again. And the change path
// when the gateway refuses the new values with a 400 (simulator rejectNext): the old setting is enabled
// again, the gateway's cause lands on its field, and what was typed stays in the form.

const CTRL_S = '\u0013';
const ENABLE_ROUTE = `POST ${paths.authService}`;
const DISABLE_ROUTE = `DELETE ${paths.authService}`;
const shell = simulatedShell();
let audit = memoryAuditLog();

beforeEach(async () => {
	shell.env.sim.control.setFaults({});
	if (!(await shell.env.client.authService.get())) {
		const certificateId = (await shell.env.client.certificates.list()).find(c => c.commonName === '*.example.com')!.id;
		await shell.env.client.authService.enable({
			serverNodes: ['oag-node-1.example.com'],
			database: {type: 'mysql', host: 'db.example.com', port: 3306, name: 'oagofflinemode', username: 'oag', password: 'seeded-password'},
			publicDomain: 'offline-idp-service.example.com',
			certificateId,
		});
	}
	shell.env.sim.control.resetCounters();
});
function start(): Harness {
	audit = memoryAuditLog();
	return shell.start({host: 'oag.example.com', audit, healthIntervalMs: 1000, columns: 110, rows: 40});
}

const openAuth = async (h: Harness) => {
	await h.press('3');
	return h.waitFor(f => f.includes('Authentication service') && /Health\s+\[(HEALTHY|NOT ENABLED)\]|\[NOT ENABLED\]/.test(f));
};

describe('enable form drafts, per route', () => {
	it('values typed in the enable form survive a trip to other screens; the password is asked for again', async () => {
		await shell.env.client.authService.disable();
		const h = start();
		await h.waitFor(f => f.includes('Readiness'), 5000);
		await h.press('3');
		await h.waitFor(f => f.includes('Press e to open the enable form'));
		await h.press('e');
		await h.waitFor(f => f.includes('Enable the authentication service') && f.includes('Server nodes'));
		await h.type('node-a.example.net');
		await h.press(KEYS.enter, KEYS.tab);
		await h.type('db-draft.example.net');
		await h.press(KEYS.tab, KEYS.tab);
		await h.type('draft-user');
		await h.press(KEYS.tab);
		await h.type('draft-password-typed');
		await h.press(KEYS.tab);
		await h.type('draftdb');
		await h.press(KEYS.tab, KEYS.tab); // past the database CA file
		await h.type('draft.example.net');
		await h.waitFor(f => f.includes('draft.example.net'));

		// Away: Esc out of the form, then the dashboard and the IdPs list, by their keys.
		await h.press(KEYS.esc);
		await h.waitFor(f => f.includes('Press e to open the enable form'));
		await h.press('1');
		await h.waitFor(f => f.includes('Readiness') && !f.includes('Press e to open the enable form'));
		await h.press('2');
		await h.waitFor(f => !f.includes('Readiness') && !f.includes('Press e to open the enable form'));

		// Back: every value is there, the secret is not.
		await h.press('3');
		await h.waitFor(f => f.includes('Press e to open the enable form'));
		await h.press('e');
		const frame = await h.waitFor(f => f.includes('Enable the authentication service') && f.includes('draft.example.net'));
		for (const kept of ['node-a.example.net', 'db-draft.example.net', 'draft-user', 'draftdb', 'draft.example.net']) expect(frame).toContain(kept);
		expect(frame).toContain('secrets are not kept: type it again');
		expect(frame).not.toContain('••••');
		expect(h.stdout.frames.join('\n')).not.toContain('draft-password-typed');
		expect(shell.env.sim.control.counters().byRoute[ENABLE_ROUTE] ?? 0).toBe(0);
	});
});

describe('change settings refused by the gateway', () => {
	it('a 400 on the new enable: the old setting is enabled again, the cause is on its field, the typed values stay', async () => {
		const h = start();
		await h.waitFor(f => f.includes('Readiness'), 5000);
		await openAuth(h);
		await h.press('e');
		await h.waitFor(f => f.includes('Change the authentication service') && f.includes('offline-idp-service.example.com'));
		await h.press(KEYS.tab, KEYS.tab, KEYS.tab);
		await h.type('oag');
		await h.press(KEYS.tab);
		await h.type('new-db-password');
		await h.press(KEYS.tab, KEYS.tab, KEYS.tab); // past the database name and CA file
		await h.press(...Array.from({length: 'offline-idp-service.example.com'.length}, () => KEYS.backspace));
		await h.type('refused.example.com');
		await h.press(KEYS.tab, KEYS.tab);
		await h.type('seeded-password');
		shell.env.sim.control.setFaults({rejectNext: {[ENABLE_ROUTE]: {publicDomain: 'No DNS record for this domain.'}}});
		await h.press(CTRL_S);
		await h.waitFor(f => f.includes('CHANGE'));
		await h.type('CHANGE');
		await h.press(KEYS.enter);
		const frame = await h.waitFor(f => f.includes('The old setting was enabled again.'), 8000);
		const setting = await shell.env.client.authService.get();
		expect(setting?.publicDomain).toBe('offline-idp-service.example.com');
		expect(setting?.serverNodes).toEqual(['oag-node-1.example.com']);
		const byRoute = shell.env.sim.control.counters().byRoute;
		expect(byRoute[DISABLE_ROUTE]).toBe(1);
		expect(byRoute[ENABLE_ROUTE]).toBe(2); // the refused new one, then the restore
		expect(frame).toContain('refused.example.com');
		const lines = frame.split('\n');
		expect(lines[lines.findIndex(line => line.includes('Public domain')) + 1]).toContain('No DNS record for this domain.');
		// Neither password reaches a frame or the audit log (which holds the disable, the refused enable and the restore).
		const auditText = audit.lines().join('');
		expect((await audit.read()).entries.length).toBeGreaterThanOrEqual(2);
		for (const secret of ['new-db-password', 'seeded-password']) {
			expect(h.stdout.frames.join('\n')).not.toContain(secret);
			expect(auditText).not.toContain(secret);
		}
	});
});
