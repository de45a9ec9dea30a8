import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {HEALTH_POLICY_DEFAULTS} from '../../source/domain/healthPolicy.js';
import {liveTimeline, liveTimelineText, observedChecks} from '../../source/domain/healthPolicyTimeline.js';
import {simWithClient, type SimClient} from '../operations/support.js';

// The live countdown from what the client really observes: the simulator's auth-service health check,
// before and during its IdP outage, read through the API client. Only `now` is moved forward (a failover
// takes minutes); the samples and their statuses are the gateway's.

let env: SimClient;
beforeAll(async () => {
	env = await simWithClient({http: true});
});
afterAll(async () => env?.close());

const sample = async () => {
	const health = await env.client.authService.health();
	return {at: Date.now(), status: health?.status ?? 'DISABLED'};
};

describe('live timeline under the outage scenario', () => {
	it('healthy samples read online; once the outage starts the countdown to failover runs, then offline', async () => {
		const policy = HEALTH_POLICY_DEFAULTS;
		const samples = [await sample(), await sample()];
		expect(liveTimeline({policy, checks: observedChecks(samples), now: Date.now()}).phase).toBe('online');

		env.sim.control.setOutage(true);
		samples.push(await sample());
		const firstFailure = samples.at(-1)!.at;
		expect(samples.at(-1)!.status).toBe('UNHEALTHY');
		const soon = liveTimeline({policy, checks: observedChecks(samples), now: firstFailure});
		expect(liveTimelineText(soon, policy)).toBe('1 of 3 checks failed: failover in about 2 min');
		const later = liveTimeline({policy, checks: observedChecks(samples), now: firstFailure + 61_000});
		expect(liveTimelineText(later, policy)).toBe('2 of 3 checks failed: failover in about 60 s');
		expect(liveTimeline({policy, checks: observedChecks(samples), now: firstFailure + 125_000})).toMatchObject({phase: 'offline'});

		// Okta back: the first healthy sample starts the recovery (1 more good check, then the 6 min cooldown).
		env.sim.control.setOutage(false);
		const back = await sample();
		expect(back.status).toBe('HEALTHY');
		const checks = observedChecks([...samples, {...back, at: firstFailure + 300_000}]);
		expect(liveTimelineText(liveTimeline({policy, checks, now: firstFailure + 300_000 + 180_000}), policy)).toBe('recovering: back online in about 4 min');
	});

	it('samples that say nothing about the IdP (our request failed, service starting) are left out', () => {
		expect(observedChecks([{at: 1, status: 'ERROR'}, {at: 2, status: 'INITIALIZING'}, {at: 3, status: 'UNHEALTHY'}, {at: 4, status: 'HEALTHY'}])).toEqual([
			{at: 3, ok: false},
			{at: 4, ok: true},
		]);
	});
});
