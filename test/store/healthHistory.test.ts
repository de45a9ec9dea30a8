import {describe, expect, it} from 'vitest';
import {appendSample, averageRoundTrip, failingSince, failureStreak, type HealthSample} from '../../source/store/healthHistory.js';

const sample = (at: number, status: string, roundTripMs = 10): HealthSample => ({at, status, roundTripMs});

describe('health history', () => {
	it('keeps the last N samples', () => {
		let history: HealthSample[] = [];
		for (let i = 0; i < 10; i++) history = appendSample(history, sample(i, 'HEALTHY'), 4);
		expect(history.map(s => s.at)).toEqual([6, 7, 8, 9]);
	});

	it('counts the failure streak from the end, errors included', () => {
		const history = [sample(1, 'UNHEALTHY'), sample(2, 'HEALTHY'), sample(3, 'DEGRADED'), sample(4, 'ERROR')];
		expect(failureStreak(history)).toBe(2);
		expect(failingSince(history)).toBe(3);
		expect(failureStreak([...history, sample(5, 'HEALTHY')])).toBe(0);
		expect(failingSince([])).toBeUndefined();
	});

	it('averages round trips of answered checks only', () => {
		expect(averageRoundTrip([sample(1, 'HEALTHY', 10), sample(2, 'ERROR', 5000), sample(3, 'UNHEALTHY', 20)])).toBe(15);
		expect(averageRoundTrip([])).toBeUndefined();
	});
});
