import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	backoffCeilingMs,
	backoffDelayMs,
	MAX_RETRY_AFTER_SECONDS,
	parseRetryAfterSeconds,
} from '../../source/api/http/backoff.js';
import {createLimiter} from '../../source/api/http/limiter.js';

describe('backoff with full jitter', () => {
	const options = {baseDelayMs: 200, maxDelayMs: 5000};

	it('doubles the ceiling per retry up to the cap', () => {
		expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffCeilingMs(n, options))).toEqual([200, 400, 800, 1600, 3200, 5000, 5000]);
	});

	it('stays within [0, ceiling) for any random value', () => {
		fc.assert(
			fc.property(
				fc.integer({min: 0, max: 40}),
				fc.double({min: 0, max: 1, maxExcluded: true, noNaN: true}),
				fc.integer({min: 0, max: 10_000}),
				fc.integer({min: 0, max: 60_000}),
				(retry, random, base, cap) => {
					const delay = backoffDelayMs(retry, {baseDelayMs: base, maxDelayMs: cap}, () => random);
					expect(delay).toBeGreaterThanOrEqual(0);
					expect(delay).toBeLessThanOrEqual(Math.max(0, Math.min(cap, base * 2 ** retry)));
					expect(Number.isInteger(delay)).toBe(true);
				},
			),
		);
	});

	it('spreads waits (full jitter, not equal steps)', () => {
		const delays = new Set(Array.from({length: 50}, () => backoffDelayMs(3, options)));
		expect(delays.size).toBeGreaterThan(10);
	});
});

describe('parseRetryAfterSeconds', () => {
	it('reads delta seconds and caps them', () => {
		expect(parseRetryAfterSeconds('2')).toBe(2);
		expect(parseRetryAfterSeconds(' 0 ')).toBe(0);
		expect(parseRetryAfterSeconds('3600')).toBe(3600); // the ceiling is the transport's decision
		expect(parseRetryAfterSeconds('99999999999')).toBeUndefined();
	});

	it('reads an HTTP date relative to now', () => {
		const now = Date.parse('2026-10-01T12:00:00Z');
		expect(parseRetryAfterSeconds('Thu, 01 Oct 2026 12:00:05 GMT', now)).toBe(5);
		expect(parseRetryAfterSeconds('Thu, 01 Oct 2026 11:00:00 GMT', now)).toBe(0);
	});

	it('ignores absent or unreadable values', () => {
		expect(parseRetryAfterSeconds(undefined)).toBeUndefined();
		expect(parseRetryAfterSeconds('soon')).toBeUndefined();
		expect(parseRetryAfterSeconds('-1')).toBeUndefined();
	});
});

describe('createLimiter', () => {
	it('never runs more than max tasks at once and runs them all', async () => {
		const limiter = createLimiter(3);
		let running = 0;
		let peak = 0;
		const results = await Promise.all(
			Array.from({length: 20}, (_, i) =>
				limiter.run(async () => {
					running++;
					peak = Math.max(peak, running);
					await new Promise((resolve) => setTimeout(resolve, 1 + (i % 3)));
					running--;
					return i;
				}),
			),
		);
		expect(peak).toBe(3);
		expect(results).toEqual(Array.from({length: 20}, (_, i) => i));
		expect(limiter.active).toBe(0);
		expect(limiter.waiting).toBe(0);
	});

	it('frees the slot when a task fails', async () => {
		const limiter = createLimiter(1);
		await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		await expect(limiter.run(async () => 'ok')).resolves.toBe('ok');
	});

	it('refuses a nonsensical size', () => {
		expect(() => createLimiter(0)).toThrow();
	});
});
