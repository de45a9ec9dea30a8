import {afterEach, describe, expect, it} from 'vitest';
import {simulatedShell} from './simulatedShell.js';

// The live countdown on the Health screen, against the simulator and its outage scenario: each IdP's
// health policy and the checks the store observed give the line; the outage starts the countdown.

const shell = simulatedShell();

afterEach(() => {
	shell.env.sim.control.setOutage(false);
});

describe('Health screen: live failover countdown', () => {
	it('reads online per IdP, then counts down to failover once the outage starts (DISABLED only counts)', async () => {
		const harness = shell.start({host: 'sim', healthIntervalMs: 300, theme: 'dark', columns: 120, rows: 40});
		await harness.waitFor(f => f.includes('Dashboard'));
		await harness.press(':health\r');
		let frame = await harness.waitFor(f => f.includes('online; fails over about 3 min after Okta stops answering'), 5000);
		expect(frame).toMatch(/Okta Production\s+\[AUTOMATIC\]\s+online; fails over about 3 min/);
		expect(frame).toMatch(/Okta Staging\s+\[DISABLED\]\s+online; failover is DISABLED/);

		shell.env.sim.control.setOutage(true);
		frame = await harness.waitFor(f => f.includes('1 of 3 checks failed: failover in about 2 min'), 5000);
		expect(frame).toMatch(/Okta Production\s+\[AUTOMATIC\]\s+1 of 3 checks failed: failover in about 2 min/);
		expect(frame).toMatch(/Okta Staging\s+\[DISABLED\]\s+1 check failed; failover is DISABLED: no offline sign-in/);
	});
});
