import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createOagClient} from '../../source/api/client.js';
import type {OagClient} from '../../source/api/clientOptions.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {createOagStore} from '../../source/store/createOagStore.js';
import {createPoller} from '../../source/store/poller.js';
import {startTestSimulator} from '../helpers/simulator.js';

// The poller against the real simulator: its request counters see every request the client makes,
// so "never two in flight" and "backs off on errors" are measured on the server side.

let sim: RunningSimulator;
let client: OagClient;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const healthRequests = () => sim.control.counters().byRoute['GET /api/v2/settings/authentication-service/health-check'] ?? 0;

beforeAll(async () => {
	sim = await startTestSimulator();
	// No client retries: the poller's own backoff is what is under test.
	client = createOagClient({host: sim.url, clientId: sim.clientId, privateKey: sim.privateKeyPem, caPem: sim.caPem, retries: {max: 0}});
	await client.authService.health(); // token minted outside the measurements
});
afterAll(async () => {
	await client.close();
	await sim.close();
});

describe('poller against the simulator', () => {
	// A test that fails midway must not leave its faults to the next one (errors would read as its failure).
	afterEach(() => sim.control.setFaults({}));

	it('never has two requests in flight, even when slow answers meet a short interval and repeated refreshes', async () => {
		sim.control.setFaults({latencyMs: 120});
		sim.control.resetCounters();
		const poller = createPoller({task: () => client.authService.health(), intervalMs: 20, floorMs: 20});
		poller.start();
		const hammer = setInterval(() => void poller.pollNow(), 5);
		await sleep(1500);
		clearInterval(hammer);
		poller.stop();
		await sleep(200);
		sim.control.setFaults({});
		expect(healthRequests()).toBeGreaterThan(5);
		expect(sim.control.counters().maxInFlight).toBe(1);
	});

	it('backs off exponentially while every request fails, marks the data stale, and recovers', async () => {
		sim.control.setFaults({errorRate: 1});
		sim.control.resetCounters();
		const starts: number[] = [];
		const ends: number[] = [];
		const poller = createPoller({
			task: () => {
				starts.push(Date.now());
				return client.authService.health().finally(() => ends.push(Date.now()));
			},
			intervalMs: 50,
			floorMs: 50,
			maxBackoffMs: 5000,
		});
		poller.start();
		await sleep(2500);
		const failing = poller.status();
		// At a steady 50 ms this would be ~50 requests; backing off (x2 per failure, +-25% jitter) it is a handful.
		expect(healthRequests()).toBeLessThanOrEqual(7);
		expect(failing.failureStreak).toBe(starts.length);
		// Stale since the first failing poll began: the poller reads the clock just before the task does, so the
		// two can straddle a millisecond.
		expect(failing.staleSince).toBeLessThanOrEqual(starts[0]!);
		expect(starts[0]! - failing.staleSince!).toBeLessThan(20);
		// The wait after failure n is at least 75% (jitter) of 50 ms * 2^n; a busy machine only makes it longer.
		const waits = starts.slice(1).map((t, i) => t - ends[i]!);
		expect(waits.length).toBeGreaterThanOrEqual(3);
		waits.forEach((wait, i) => expect(wait).toBeGreaterThanOrEqual(0.75 * 50 * 2 ** (i + 1) - 5));
		expect(sim.control.counters().maxInFlight).toBe(1);

		sim.control.setFaults({});
		await poller.pollNow();
		expect(poller.status()).toMatchObject({failureStreak: 0, staleSince: undefined});
		poller.stop();
	});

	it('feeds the store: an IdP outage shows as UNHEALTHY samples after HEALTHY ones', async () => {
		const store = createOagStore({
			api: client,
			connection: {profile: 'sim', host: new URL(sim.url).host, keyBackend: 'test', readOnly: true, insecure: false},
			authState: () => client.authState(),
		});
		await store.load('health');
		sim.control.setOutage(true);
		await store.load('health');
		sim.control.setOutage(false);
		const statuses = store.state.getState().health.history.map(s => s.status);
		expect(statuses).toEqual(['HEALTHY', 'UNHEALTHY']);
		expect(store.state.getState().connection.token?.mode).toBe('token');
		store.dispose();
	});
});
