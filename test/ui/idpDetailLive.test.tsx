import {afterEach, describe, expect, it} from 'vitest';
import {KEYS, type Harness} from './harness.js';
import {openIdpScreen, simulatedShell} from './simulatedShell.js';

// The IdP detail screen against the simulator: the live countdown under the outage scenario (the Health
// screen has its own test), and the Active Directory preset filling the new-directory form.

const shell = simulatedShell();

afterEach(() => {
	shell.env.sim.control.setOutage(false);
});

async function openIdp(name: string): Promise<Harness> {
	return openIdpScreen(shell.start({host: 'sim', healthIntervalMs: 300, columns: 120, rows: 45}), name);
}

describe('IdP detail', () => {
	it('counts down to failover once the outage starts, for an AUTOMATIC IdP', async () => {
		const idp = (await shell.env.client.idps.list()).find(candidate => candidate.name === 'Okta Production')!;
		expect((await shell.env.client.idps.getFailoverMode(idp.id)).mode).toBe('AUTOMATIC');
		const h = await openIdp(idp.name);
		await h.waitFor(f => f.includes('online; fails over about 3 min after Okta stops answering'), 5000);
		shell.env.sim.control.setOutage(true);
		const frame = await h.waitFor(f => f.includes('1 of 3 checks failed: failover in about 2 min'), 5000);
		expect(frame).toContain(`IdPs › ${idp.name}`);
	});

	it('N opens the form from the Active Directory preset, n from the OpenLDAP one, filled as in the guide', async () => {
		const idp = (await shell.env.client.idps.list())[1]!;
		const h = await openIdp(idp.name);
		await h.press('N');
		let frame = await h.waitFor(f => f.includes(`New directory for ${idp.name}`));
		expect(frame).toMatch(/Type\s+\( \) OpenLDAP\s+\(•\) Active Directory/);
		expect(frame).toMatch(/Username attribute\s+sAMAccountName/);
		expect(frame).toMatch(/Member attribute\s+member\b/);
		await h.press(KEYS.esc);
		await h.waitFor(f => f.includes('failover mode') && f.includes('Directories ('), 5000);
		await h.press('n');
		frame = await h.waitFor(f => f.includes(`New directory for ${idp.name}`) && f.includes('(•) OpenLDAP'));
		expect(frame).toMatch(/Username attribute\s+uid/);
		expect(frame).toMatch(/Member attribute\s+uniqueMember/);
		expect(frame).not.toContain('sAMAccountName');
	});
});
