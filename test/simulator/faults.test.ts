import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {tokenFor} from '../helpers/simulator.js';
import {openSim, type SimFixture} from './support.js';

// Fault injection: rate limit with Retry-After, 500s, connection resets, malformed 200s, latency,
// and the concurrency counter. The token endpoint only ever gets the latency.

let f: SimFixture;
beforeAll(async () => {
	f = await openSim({seed: 3});
});
afterAll(async () => f?.close());
beforeEach(() => f.sim.control.setFaults({}));

describe('faults', () => {
	it('answers 429 with Retry-After beyond the per-client rate', async () => {
		f.sim.control.setFaults({rateLimitPerSecond: 3});
		// 30 at once: even if connection set-up spreads them over a few seconds, most are over the limit.
		const replies = await Promise.all(Array.from({length: 30}, () => f.call('GET', '/api/v2/idps')));
		const limited = replies.filter(r => r.status === 429);
		expect(limited.length).toBeGreaterThanOrEqual(10);
		expect(replies.filter(r => r.status === 200).length).toBeGreaterThanOrEqual(3);
		for (const reply of limited) {
			expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
			expect(reply.json.errorCode).toBe('E0000047');
		}
	});

	it('limits each client on its own', async () => {
		f.sim.control.setFaults({rateLimitPerSecond: 2});
		const other = await f.sim.control.addClient(['okta.oag.idp.read']);
		const otherToken = await tokenFor(f.sim, f.dispatcher, other);
		await Promise.all([f.call('GET', '/api/v2/idps'), f.call('GET', '/api/v2/idps'), f.call('GET', '/api/v2/idps')]);
		const replies = await Promise.all([f.call('GET', '/api/v2/idps', undefined, {token: otherToken}), f.call('GET', '/api/v2/idps', undefined, {token: otherToken})]);
		// Same second for the other client unless the window rolled over; either way it has its own budget.
		expect(replies.every(r => r.status === 200)).toBe(true);
	});

	it('answers 500 E0000009 at errorRate 1, and the token endpoint is spared', async () => {
		f.sim.control.setFaults({errorRate: 1});
		const reply = await f.call('GET', '/api/v2/idps');
		expect(reply).toMatchObject({status: 500, json: {errorCode: 'E0000009'}});
		await expect(tokenFor(f.sim, f.dispatcher)).resolves.toBeTruthy();
	});

	it('fails a share of requests at errorRate 0.5, deterministically from the seed', async () => {
		f.sim.control.setFaults({errorRate: 0.5});
		const statuses: number[] = [];
		for (let i = 0; i < 40; i++) statuses.push((await f.call('GET', '/api/v2/idps')).status);
		const failures = statuses.filter(s => s === 500).length;
		expect(failures).toBeGreaterThan(8);
		expect(failures).toBeLessThan(32);
	});

	it('resets connections at resetRate 1', async () => {
		f.sim.control.setFaults({resetRate: 1});
		await expect(f.call('GET', '/api/v2/idps')).rejects.toThrow();
		f.sim.control.setFaults({});
		expect((await f.call('GET', '/api/v2/idps')).status).toBe(200);
	});

	it('sends broken JSON in a 200 at malformedRate 1', async () => {
		f.sim.control.setFaults({malformedRate: 1});
		const reply = await f.call('GET', '/api/v2/idps');
		expect(reply.status).toBe(200);
		expect(reply.headers.get('content-type')).toMatch(/application\/json/);
		expect(() => JSON.parse(reply.text)).toThrow();
	});

	it('adds latency to every response, the token endpoint included, and counts concurrency', async () => {
		f.sim.control.setFaults({latencyMs: 150});
		f.sim.control.resetCounters();
		const started = performance.now();
		await Promise.all(Array.from({length: 4}, () => f.call('GET', '/api/v2/idps')));
		expect(performance.now() - started).toBeGreaterThanOrEqual(145);
		expect(f.sim.control.counters().maxInFlight).toBeGreaterThanOrEqual(2);
		const tokenStarted = performance.now();
		await tokenFor(f.sim, f.dispatcher);
		expect(performance.now() - tokenStarted).toBeGreaterThanOrEqual(145);
	});
});
