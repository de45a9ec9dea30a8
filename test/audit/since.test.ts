import {describe, expect, it} from 'vitest';
import {parseDuration, since} from '../../source/audit/since.js';

describe('audit --since', () => {
	it('reads durations as admins write them', () => {
		expect(parseDuration('90s')).toBe(90_000);
		expect(parseDuration('30m')).toBe(1_800_000);
		expect(parseDuration('2h')).toBe(7_200_000);
		expect(parseDuration('7d')).toBe(604_800_000);
		expect(parseDuration('1w')).toBe(604_800_000);
		for (const bad of ['', '0m', '5', 'm', '2x', '-1h', '1.5h', '2 h', 'yesterday', '9999999d']) expect(parseDuration(bad), bad).toBeUndefined();
	});

	it('keeps the entries inside the window and drops unreadable times', () => {
		const now = Date.parse('2026-12-02T08:00:00Z');
		const entries = [
			{time: '2026-12-02T05:59:59Z', id: 'old'},
			{time: '2026-12-02T06:00:00Z', id: 'edge'},
			{time: '2026-12-02T07:59:00Z', id: 'new'},
			{time: 'garbage', id: 'bad'},
		];
		expect(since(entries, 2 * 3_600_000, now).map(e => e.id)).toEqual(['edge', 'new']);
	});
});
