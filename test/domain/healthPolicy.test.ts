import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	HEALTH_CHECK_INTERVALS,
	HEALTH_POLICY_DEFAULTS,
	HEALTH_POLICY_RANGES,
	healthPolicyTimeline,
	minimumCooldown,
	validateHealthPolicy,
	type HealthPolicyValues,
} from '../../source/domain/healthPolicy.js';

const validPolicy = fc
	.record({
		healthCheckInterval: fc.constantFrom(...HEALTH_CHECK_INTERVALS),
		failureThreshold: fc.integer({min: 1, max: 10}),
		maxRetries: fc.integer({min: 0, max: 5}),
		successThreshold: fc.integer({min: 1, max: 10}),
		timeout: fc.integer({min: 1, max: 60}),
		slack: fc.integer({min: 0, max: 6000}),
	})
	.filter(p => minimumCooldown(p) <= 6000)
	.map(({slack, ...p}): HealthPolicyValues => ({
		...p,
		recoveryCooldownInterval: Math.min(6000, Math.max(120, minimumCooldown(p) + slack)),
	}));

describe('health policy rule', () => {
	it('accepts the documented defaults and the guide examples at the rule boundary', () => {
		expect(validateHealthPolicy(HEALTH_POLICY_DEFAULTS, 'gateway')).toEqual([]);
		const guide1440 = {...HEALTH_POLICY_DEFAULTS, healthCheckInterval: 180, failureThreshold: 4, maxRetries: 2, timeout: 4, successThreshold: 3, recoveryCooldownInterval: 1440};
		expect(validateHealthPolicy(guide1440, 'gateway')).toEqual([]);
	});

	it('refuses the old guide typo 144000 (outside 120..6000)', () => {
		const errors = validateHealthPolicy({...HEALTH_POLICY_DEFAULTS, recoveryCooldownInterval: 144000}, 'gateway');
		expect(errors).toEqual([{field: 'recoveryCooldownInterval', message: 'Must be from 120 to 6000.'}]);
	});

	it('accepts every policy inside the ranges that meets the rule', () => {
		fc.assert(fc.property(validPolicy, p => validateHealthPolicy(p, 'gateway').length === 0));
	});

	it('refuses a cooldown one second below the rule, naming the minimum', () => {
		fc.assert(
			fc.property(validPolicy, p => {
				const least = minimumCooldown(p);
				fc.pre(least - 1 >= 120);
				const errors = validateHealthPolicy({...p, recoveryCooldownInterval: least - 1}, 'gateway');
				return (
					errors.length === 1 &&
					errors[0]!.field === 'recoveryCooldownInterval' &&
					errors[0]!.message.includes(String(least))
				);
			}),
		);
	});

	it('refuses any out-of-range field with an error on exactly that field', () => {
		const field = fc.constantFrom(...(Object.keys(HEALTH_POLICY_RANGES) as (keyof HealthPolicyValues)[]));
		fc.assert(
			fc.property(validPolicy, field, fc.boolean(), fc.integer({min: 1, max: 1000}), (p, name, below, by) => {
				const range = HEALTH_POLICY_RANGES[name];
				const bad = {...p, [name]: below ? range.min - by : range.max + by};
				const errors = validateHealthPolicy(bad, 'gateway');
				return errors.some(e => e.field === name);
			}),
		);
	});

	it('only allows whole minutes for the interval', () => {
		fc.assert(
			fc.property(fc.integer({min: 60, max: 300}).filter(n => n % 60 !== 0), interval => {
				const errors = validateHealthPolicy({...HEALTH_POLICY_DEFAULTS, healthCheckInterval: interval}, 'gateway');
				return errors.length === 1 && errors[0]!.field === 'healthCheckInterval';
			}),
		);
	});

	it('client strictness checks the two unconfirmed ranges only for positive integers', () => {
		const p = {...HEALTH_POLICY_DEFAULTS, successThreshold: 50, timeout: 999};
		expect(validateHealthPolicy(p, 'client')).toEqual([]);
		expect(validateHealthPolicy(p, 'gateway').map(e => e.field).sort()).toEqual(['successThreshold', 'timeout']);
		expect(validateHealthPolicy({...p, timeout: 0}, 'client')).toEqual([
			{field: 'timeout', message: 'Must be a positive whole number.'},
		]);
	});

	it('rejects non-integers on every field', () => {
		expect(validateHealthPolicy({...HEALTH_POLICY_DEFAULTS, maxRetries: 1.5}, 'client')).toEqual([
			{field: 'maxRetries', message: 'Must be a whole number.'},
		]);
	});

	it('explains the policy as a timeline', () => {
		expect(healthPolicyTimeline(HEALTH_POLICY_DEFAULTS)).toEqual({
			detectionSeconds: 180,
			recoverySeconds: 480,
			minimumCooldown: 360,
		});
	});
});
