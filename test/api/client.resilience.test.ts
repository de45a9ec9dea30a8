import {createServer} from 'node:net';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {createOagClient} from '../../source/api/client.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {clientFor} from './support/clientFor.js';

// Retries, limits, timeouts and TLS trust against the simulator's fault injection.

let sim: RunningSimulator;
let idpId = '';
let appId = '';

const routeCount = (method: string, suffix: string): number =>
	Object.entries(sim.control.counters().byRoute)
		.filter(([route]) => route.startsWith(`${method} `) && route.endsWith(suffix))
		.reduce((sum, [, count]) => sum + count, 0);

beforeAll(async () => {
	sim = await startTestSimulator({apps: 40, idps: 1});
	const client = clientFor(sim);
	idpId = (await client.idps.list())[0]!.id;
	appId = (await client.apps.list())[0]!.id;
	await client.close();
});
afterEach(() => sim.control.setFaults({}));
afterAll(async () => {
	await sim?.close();
});

/** A client that already holds a token, so faults hit only the resource calls under test. */
async function warmClient(overrides: Parameters<typeof clientFor>[1] = {}) {
	const client = clientFor(sim, overrides);
	await client.certificates.list();
	sim.control.resetCounters();
	return client;
}

describe('retries', () => {
	it('retries GET, PUT and value-setting POSTs through 5xx, and reports server when it persists', async () => {
		const client = await warmClient();
		sim.control.setFaults({errorRate: 1});
		await expect(client.apps.getState(appId)).rejects.toMatchObject({kind: 'server', details: {status: 500}});
		await expect(client.apps.setState(appId, 'TEST')).rejects.toMatchObject({kind: 'server'});
		await expect(client.idps.setFailoverMode(idpId, 'AUTOMATIC')).rejects.toMatchObject({kind: 'server'});
		const policy = {failureThreshold: 3, healthCheckInterval: 60, maxRetries: 3, recoveryCooldownInterval: 360, successThreshold: 2, timeout: 3};
		await expect(client.idps.replaceHealthPolicy(idpId, policy)).rejects.toMatchObject({kind: 'server'});
		expect(routeCount('GET', '/offline-mode') + routeCount('POST', '/apps/{applicationId}/offline-mode')).toBeGreaterThanOrEqual(8);
		expect(routeCount('POST', '/apps/{applicationId}/offline-mode')).toBe(4);
		expect(routeCount('POST', '/idps/{idpId}/offline-mode')).toBe(4);
		expect(routeCount('PUT', '/health-policy')).toBe(4);
		await client.close();
	});

	it('gets through an error rate of 50 %', async () => {
		const client = await warmClient({retries: {max: 8, baseDelayMs: 1, maxDelayMs: 5}});
		sim.control.setFaults({errorRate: 0.5});
		for (let i = 0; i < 10; i++) await client.apps.getState(appId);
		expect(client.events.some((event) => event.status === 500)).toBe(true);
		expect(client.events.some((event) => event.attempt > 1 && event.status === 200)).toBe(true);
		await client.close();
	});

	it('never retries a create', async () => {
		const client = await warmClient();
		sim.control.setFaults({errorRate: 1});
		const policy = {
			name: 'never twice',
			rules: [{name: 'r', conditions: {groups: {include: [{name: 'staff'}]}}, actions: {access: 'allow' as const, chains: [{authenticationMethods: [[{key: 'password' as const}]]}]}}],
		};
		await expect(client.accessPolicies.create(idpId, policy)).rejects.toMatchObject({kind: 'server'});
		await expect(client.authService.disable()).rejects.toMatchObject({kind: 'server'});
		expect(routeCount('POST', '/access-policies')).toBe(1);
		expect(routeCount('DELETE', '/authentication-service')).toBe(1);
		sim.control.setFaults({});
		expect(await client.accessPolicies.list(idpId)).not.toContainEqual(expect.objectContaining({name: 'never twice'}));
		await client.close();
	});

	it('waits out a rate limit (Retry-After), or reports rate-limited when it may not retry', async () => {
		const client = await warmClient();
		sim.control.setFaults({rateLimitPerSecond: 3});
		const states = await Promise.all(Array.from({length: 6}, () => client.apps.getState(appId)));
		expect(states).toHaveLength(6);
		expect(client.events.filter((event) => event.status === 429).length).toBeGreaterThan(0);

		sim.control.setFaults({});
		const impatient = await warmClient({retries: {max: 0}});
		sim.control.setFaults({rateLimitPerSecond: 1});
		// Three at once cannot all fall in different one-second windows.
		const outcomes = await Promise.allSettled([1, 2, 3].map(() => impatient.apps.getState(appId)));
		const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult | undefined;
		expect(refused?.reason).toMatchObject({kind: 'rate-limited', details: {status: 429, retryAfterSeconds: expect.any(Number)}});
		await Promise.all([client.close(), impatient.close()]);
	});

	it('a body that is not JSON is bad-response and is not echoed', async () => {
		const client = await warmClient();
		sim.control.setFaults({malformedRate: 1});
		const error = (await client.apps.list().catch((e: unknown) => e)) as Error;
		expect(error).toMatchObject({kind: 'bad-response'});
		expect(error.message).not.toContain('{');
		await client.close();
	});
});

describe('limits and timeouts', () => {
	it('keeps requests in flight under the concurrency cap', async () => {
		for (const cap of [3, 8]) {
			const client = await warmClient(cap === 8 ? {} : {concurrency: cap});
			sim.control.setFaults({latencyMs: 30});
			const apps = await client.apps.list();
			sim.control.resetCounters();
			await Promise.all(apps.map((app) => client.apps.getState(app.id)));
			const {maxInFlight, requests} = sim.control.counters();
			expect(requests).toBe(40);
			expect(maxInFlight).toBeLessThanOrEqual(cap);
			expect(maxInFlight).toBeGreaterThanOrEqual(Math.min(cap, 2));
			sim.control.setFaults({});
			await client.close();
		}
	});

	it('a slow gateway is a timeout, not retried', async () => {
		const client = await warmClient({timeouts: {totalMs: 150}});
		sim.control.setFaults({latencyMs: 600});
		const error = await client.idps.list().catch((e: unknown) => e);
		expect(error).toMatchObject({kind: 'timeout'});
		expect(client.events.filter((event) => event.path === '/api/v2/idps')).toHaveLength(1);
		await client.close();
	});

	it('a closed port is a network error', async () => {
		const probe = createServer();
		await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
		const {port} = probe.address() as {port: number};
		await new Promise((resolve) => probe.close(resolve));
		const client = clientFor({...sim, url: `https://127.0.0.1:${port}`});
		await expect(client.apps.list()).rejects.toMatchObject({kind: 'network', details: {errorCode: 'ECONNREFUSED'}});
		await client.close();
	});
});

describe('TLS trust', () => {
	it('without the CA it is a tls error that suggests --ca-file', async () => {
		const client = clientFor({...sim, caPem: undefined});
		const error = (await client.apps.list().catch((e: unknown) => e)) as Error;
		expect(error).toMatchObject({kind: 'tls'});
		expect(error.message).toMatch(/--ca-file/);
		expect(client.warnings).toEqual([]);
		await client.close();
	});

	it('insecure works and warns on every construction', async () => {
		const client = clientFor({...sim, caPem: undefined}, {insecure: true});
		expect((await client.apps.list()).length).toBe(40);
		expect(client.warnings).toHaveLength(1);
		expect(client.warnings[0]).toMatch(/^TLS verification is OFF \(--insecure\): /);
		await client.close();
	});

	it('without onWarning the insecure warning goes to stderr', async () => {
		const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
		try {
			const client = createOagClient({host: sim.url, clientId: sim.clientId, privateKey: sim.privateKeyPem, insecure: true});
			expect(write.mock.calls.map((call) => String(call[0])).join('')).toMatch(/TLS verification is OFF/);
			await client.close();
		} finally {
			write.mockRestore();
		}
	});

	it('reports each exchange without bodies or headers', async () => {
		const client = await warmClient();
		await client.apps.list();
		const event = client.events.at(-1)!;
		expect(event).toEqual({method: 'GET', path: '/api/v2/apps', status: 200, ms: expect.any(Number), attempt: 1});
		await client.close();
	});
});
