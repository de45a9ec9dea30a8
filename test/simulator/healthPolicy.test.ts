import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {HEALTH_POLICY_DEFAULTS, validateHealthPolicy} from '../../source/domain/healthPolicy.js';
import {openSim, validHealthPolicy, type SimFixture} from './support.js';

// Health policy and failover mode: full-replace PUT, the gateway's ranges, the interval enum and the
// cooldown rule (equal to 2 × interval × threshold is accepted, one less refused).

let f: SimFixture;
let path: string;
let idps: Array<{id: string}>;
beforeAll(async () => {
	f = await openSim({idps: 3});
	idps = (await f.call('GET', '/api/v2/idps')).json;
	path = `/api/v2/idps/${idps[1]!.id}/offline-mode/health-policy`;
});
afterAll(async () => f?.close());

const fieldsOf = (reply: {json: any}): string[] => (reply.json.errorCauses as Array<{field: string}>).map(c => c.field).sort();

describe('health policy', () => {
	it('has defaults before any PUT', async () => {
		expect((await f.call('GET', path)).json).toEqual(HEALTH_POLICY_DEFAULTS);
	});

	it('replaces all six fields and answers 200 with the stored value', async () => {
		const policy = {failureThreshold: 4, healthCheckInterval: 180, maxRetries: 2, recoveryCooldownInterval: 1440, successThreshold: 3, timeout: 4};
		expect(await f.call('PUT', path, policy)).toMatchObject({status: 200, json: policy});
		expect((await f.call('GET', path)).json).toEqual(policy);
	});

	it('accepts the cooldown boundary and refuses one second less', async () => {
		const boundary = {...validHealthPolicy, healthCheckInterval: 180, failureThreshold: 4, recoveryCooldownInterval: 1440};
		expect((await f.call('PUT', path, boundary)).status).toBe(200);
		const below = await f.call('PUT', path, {...boundary, recoveryCooldownInterval: 1439});
		expect(below.status).toBe(400);
		expect(below.json.errorCauses).toEqual([{field: 'recoveryCooldownInterval', errorSummary: expect.stringMatching(/at least .* 1440/)}]);
	});

	it('refuses out-of-range values and an interval outside the enum, one cause per field', async () => {
		const reply = await f.call('PUT', path, {failureThreshold: 11, healthCheckInterval: 90, maxRetries: -1, recoveryCooldownInterval: 7000, successThreshold: 0, timeout: 61});
		expect(reply.status).toBe(400);
		expect(reply.json.errorCode).toBe('E0000001');
		expect(fieldsOf(reply)).toEqual(['failureThreshold', 'healthCheckInterval', 'maxRetries', 'recoveryCooldownInterval', 'successThreshold', 'timeout']);
	});

	it('refuses a partial body, wrong types and unknown fields', async () => {
		const {timeout: _omitted, ...partial} = validHealthPolicy;
		const reply = await f.call('PUT', path, {...partial, maxRetries: '3', failureThreshold: 2.5, jitter: 1});
		expect(reply.status).toBe(400);
		expect(fieldsOf(reply)).toEqual(['failureThreshold', 'jitter', 'maxRetries', 'timeout']);
	});

	it('is accepted exactly when the domain validator (gateway strictness) finds no problem', async () => {
		const around = (values: number[]) => fc.constantFrom(...values);
		await fc.assert(
			fc.asyncProperty(
				fc.record({
					failureThreshold: around([0, 1, 2, 3, 10, 11]),
					healthCheckInterval: around([59, 60, 90, 120, 300, 301]),
					maxRetries: around([-1, 0, 3, 5, 6]),
					recoveryCooldownInterval: fc.integer({min: 100, max: 6100}),
					successThreshold: around([0, 1, 10, 11]),
					timeout: around([0, 1, 60, 61]),
				}),
				async policy => {
					const expected = validateHealthPolicy(policy, 'gateway');
					const reply = await f.call('PUT', path, policy);
					if (expected.length === 0) {
						expect(reply.status).toBe(200);
						expect(reply.json).toEqual(policy);
					} else {
						expect(reply.status).toBe(400);
						expect(fieldsOf(reply)).toEqual([...new Set(expected.map(e => e.field))].sort());
					}
				},
			),
			{numRuns: 60, seed: 20260901},
		);
	});
});

describe('failover mode', () => {
	it('starts DISABLED for a new IdP and is set with POST (200 {mode})', async () => {
		const modePath = `/api/v2/idps/${idps[2]!.id}/offline-mode`;
		expect((await f.call('GET', modePath)).json).toEqual({mode: 'DISABLED'});
		expect(await f.call('POST', modePath, {mode: 'AUTOMATIC'})).toMatchObject({status: 200, json: {mode: 'AUTOMATIC'}});
		expect((await f.call('GET', modePath)).json).toEqual({mode: 'AUTOMATIC'});
		expect(await f.call('POST', modePath, {mode: 'DISABLED'})).toMatchObject({status: 200, json: {mode: 'DISABLED'}});
	});

	it('refuses an unknown mode and extra fields', async () => {
		const modePath = `/api/v2/idps/${idps[2]!.id}/offline-mode`;
		const reply = await f.call('POST', modePath, {mode: 'MANUAL', force: true});
		expect(reply.status).toBe(400);
		expect(fieldsOf(reply)).toEqual(['force', 'mode']);
		expect((await f.call('PUT', modePath, {mode: 'AUTOMATIC'})).status).toBe(405);
	});
});
