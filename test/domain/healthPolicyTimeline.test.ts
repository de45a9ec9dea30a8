import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	HEALTH_CHECK_INTERVALS,
	HEALTH_POLICY_DEFAULTS,
	HEALTH_POLICY_RANGES,
	minimumCooldown,
	validateHealthPolicy,
	type HealthPolicyValues,
} from '../../source/domain/healthPolicy.js';
import {
	aboutDuration,
	describeHealthPolicy,
	exactDuration,
	liveTimeline,
	liveTimelineText,
	smallestValidCooldown,
	type ObservedCheck,
} from '../../source/domain/healthPolicyTimeline.js';

const anyFields = fc.record({
	healthCheckInterval: fc.constantFrom(...HEALTH_CHECK_INTERVALS),
	failureThreshold: fc.integer({min: 1, max: 10}),
	maxRetries: fc.integer({min: 0, max: 5}),
	successThreshold: fc.integer({min: 1, max: 10}),
	timeout: fc.integer({min: 1, max: 60}),
});
const validPolicy = anyFields
	.filter(p => minimumCooldown(p) <= 6000)
	.chain(p => fc.integer({min: Math.max(120, minimumCooldown(p)), max: 6000}).map((c): HealthPolicyValues => ({...p, recoveryCooldownInterval: c})));

const cooldownErrors = (p: HealthPolicyValues) => validateHealthPolicy(p, 'gateway').filter(e => e.field === 'recoveryCooldownInterval');

/** Checks one interval apart from t0: `oks` gives each one's result. */
const series = (t0: number, intervalS: number, oks: boolean[]): ObservedCheck[] => oks.map((ok, i) => ({at: t0 + i * intervalS * 1000, ok}));

const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);

describe('describeHealthPolicy', () => {
	it('reads the defaults as the issue words them', () => {
		expect(describeHealthPolicy(HEALTH_POLICY_DEFAULTS)).toBe(
			'checks every 60 s with a 3 s timeout; after 3 failed checks (about 3 min) it fails over; after 2 good checks and a 6 min cooldown it returns',
		);
	});

	it('singular checks and odd cooldowns', () => {
		const text = describeHealthPolicy({...HEALTH_POLICY_DEFAULTS, failureThreshold: 1, successThreshold: 1, healthCheckInterval: 180, recoveryCooldownInterval: 390});
		expect(text).toBe('checks every 3 min with a 3 s timeout; after 1 failed check (about 3 min) it fails over; after 1 good check and a 6 min 30 s cooldown it returns');
	});

	it('its numbers follow from the fields', () => {
		fc.assert(
			fc.property(validPolicy, p => {
				const text = describeHealthPolicy(p);
				return (
					text.includes(`every ${exactDuration(p.healthCheckInterval)} with a ${exactDuration(p.timeout)} timeout`) &&
					text.includes(`after ${p.failureThreshold} failed check`) &&
					text.includes(`(about ${aboutDuration(p.healthCheckInterval * p.failureThreshold)})`) &&
					text.includes(`after ${p.successThreshold} good check`) &&
					text.includes(`a ${exactDuration(p.recoveryCooldownInterval)} cooldown`)
				);
			}),
		);
	});

	it('estimates round to tens of seconds up to 100 s, then to minutes', () => {
		expect([3, 60, 95, 100, 101, 118, 150, 7200, 6060].map(aboutDuration)).toEqual(['10 s', '60 s', '100 s', '100 s', '2 min', '2 min', '3 min', '2 h', '101 min']);
	});

	it('exact durations are exact: minutes and seconds add back up', () => {
		fc.assert(
			fc.property(fc.integer({min: 1, max: 6000}), s => {
				const m = /^(?:(\d+) min)?(?: ?(\d+) s)?$/.exec(exactDuration(s));
				return m !== null && Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) === s;
			}),
		);
	});
});

describe('smallestValidCooldown', () => {
	it('is 360 for the defaults and undefined when the rule exceeds the range (300 s x 10 + 1 is impossible)', () => {
		expect(smallestValidCooldown(HEALTH_POLICY_DEFAULTS)).toBe(360);
		expect(smallestValidCooldown({healthCheckInterval: 60, failureThreshold: 1})).toBe(120);
		expect(smallestValidCooldown({healthCheckInterval: 300, failureThreshold: 10})).toBe(6000);
		expect(smallestValidCooldown({healthCheckInterval: 240, failureThreshold: 13})).toBeUndefined();
	});

	it('is accepted, and one second less is refused (or out of range)', () => {
		fc.assert(
			fc.property(anyFields, p => {
				const least = smallestValidCooldown(p);
				if (least === undefined) {
					// No cooldown in the range satisfies the rule.
					return cooldownErrors({...p, recoveryCooldownInterval: HEALTH_POLICY_RANGES.recoveryCooldownInterval.max}).length === 1;
				}
				return cooldownErrors({...p, recoveryCooldownInterval: least}).length === 0 && cooldownErrors({...p, recoveryCooldownInterval: least - 1}).length === 1;
			}),
		);
	});
});

describe('liveTimeline', () => {
	const p = HEALTH_POLICY_DEFAULTS;

	it('reads the issue examples', () => {
		const failing = liveTimeline({policy: p, checks: series(T0, 60, [true, false, false]), now: T0 + 120_000});
		expect(liveTimelineText(failing, p)).toBe('2 of 3 checks failed: failover in about 60 s');
		// Offline after 3 failures (at T0+180 s), Okta answers at T0+300 s; 3 min later: 60 s + 360 s - 180 s = 4 min.
		const checks = series(T0, 60, [true, false, false, false, false, true, true, true, true]);
		const recovering = liveTimeline({policy: p, checks, now: T0 + 480_000});
		expect(liveTimelineText(recovering, p)).toBe('recovering: back online in about 4 min');
	});

	it('no checks is unknown, all good is online, a blip shorter than the threshold is forgotten', () => {
		expect(liveTimeline({policy: p, checks: [], now: T0}).phase).toBe('unknown');
		expect(liveTimeline({policy: p, checks: series(T0, 60, [true, true]), now: T0 + 60_000}).phase).toBe('online');
		expect(liveTimeline({policy: p, checks: series(T0, 60, [false, false, true]), now: T0 + 120_000}).phase).toBe('online');
	});

	it('fails over once the threshold is reached, and counts its time offline', () => {
		const t = liveTimeline({policy: p, checks: series(T0, 60, [false, false, false, false]), now: T0 + 300_000});
		expect(t).toEqual({phase: 'offline', offlineForSeconds: 180});
		expect(liveTimelineText(t, p)).toBe('offline mode for about 3 min: back after 2 good checks and a 6 min cooldown');
	});

	it('a failure while recovering starts the recovery over; after the cooldown it is online', () => {
		const restarted = series(T0, 60, [false, false, false, true, false, true]);
		expect(liveTimeline({policy: p, checks: restarted, now: T0 + 300_000})).toMatchObject({phase: 'recovering', backOnlineInSeconds: 420});
		const back = series(T0, 60, [false, false, false, true, true]);
		expect(liveTimeline({policy: p, checks: back, now: T0 + 180_000 + 420_000}).phase).toBe('online');
	});

	it('with failover DISABLED the failures only count up', () => {
		const t = liveTimeline({policy: p, checks: series(T0, 60, [false, false, false, false]), now: T0 + 180_000, failoverDisabled: true});
		expect(t).toMatchObject({phase: 'failing', failedChecks: 4, failoverDisabled: true});
		expect(liveTimelineText(t, p)).toBe('4 checks failed; failover is DISABLED: no offline sign-in');
	});

	it('k < threshold failures one interval apart: k of F failed, failover (F - k) intervals away', () => {
		fc.assert(
			fc.property(
				validPolicy.filter(q => q.failureThreshold > 1),
				fc.integer({min: 1, max: 9}),
				fc.integer({min: 0, max: 999}),
				(q, k0, jitterPermille) => {
					const k = Math.min(k0, q.failureThreshold - 1);
					const checks = series(T0, q.healthCheckInterval, [true, ...Array<boolean>(k).fill(false)]);
					const lastAt = checks.at(-1)!.at;
					const now = lastAt + Math.floor((q.healthCheckInterval * 1000 * jitterPermille) / 1000);
					const t = liveTimeline({policy: q, checks, now});
					return (
						t.phase === 'failing' &&
						t.failedChecks === k &&
						t.failoverInSeconds === ((q.failureThreshold - k) * q.healthCheckInterval * 1000 - (now - lastAt)) / 1000
					);
				},
			),
		);
	});

	it('recovery counts down from the first good check: (S - 1) intervals plus the cooldown', () => {
		fc.assert(
			fc.property(validPolicy, fc.integer({min: 0, max: 100_000}), (q, waitMs) => {
				const fails = series(T0, q.healthCheckInterval, Array<boolean>(q.failureThreshold).fill(false));
				const firstGood = fails.at(-1)!.at + q.healthCheckInterval * 1000;
				const total = ((q.successThreshold - 1) * q.healthCheckInterval + q.recoveryCooldownInterval) * 1000;
				const now = firstGood + Math.min(waitMs, total - 1);
				const t = liveTimeline({policy: q, checks: [...fails, {at: firstGood, ok: true}], now});
				return t.phase === 'recovering' && t.backOnlineInSeconds === (firstGood + total - now) / 1000;
			}),
		);
	});
});
