import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {scrollWindow} from '../../source/ui/components/form/scrollWindow.js';

// The form's scroll window over blocks of varying height (a field, its list items, its error).

/** Rows the window takes on screen: its blocks plus an indicator line for each side with blocks hidden. */
const rowsUsed = (heights: readonly number[], start: number, end: number) =>
	heights.slice(start, end).reduce((a, b) => a + b, 0) + (start > 0 ? 1 : 0) + (end < heights.length ? 1 : 0);

describe('scrollWindow', () => {
	it('shows every block, and no indicator, when they fit', () => {
		expect(scrollWindow([1, 2, 1], 0, 4)).toEqual({start: 0, end: 3});
		expect(scrollWindow([1, 2, 1], 3, 10)).toEqual({start: 0, end: 3});
	});

	it('on the first block shows the top; on the button (past the last) shows the bottom', () => {
		const heights = Array<number>(20).fill(1);
		expect(scrollWindow(heights, 0, 10)).toEqual({start: 0, end: 9}); // 9 blocks + "↓ more"
		expect(scrollWindow(heights, 20, 10)).toEqual({start: 11, end: 20}); // "↑ more" + 9 blocks
	});

	it('keeps the focused block near the middle, with neighbours on both sides', () => {
		const heights = Array<number>(20).fill(1);
		const {start, end} = scrollWindow(heights, 10, 10); // 8 blocks between two indicators
		expect(end - start).toBe(8);
		expect(10 - start).toBeGreaterThanOrEqual(3);
		expect(end - 1 - 10).toBeGreaterThanOrEqual(3);
	});

	it('counts the focused block by its rows: an error three rows long still fits whole', () => {
		const heights = [1, 1, 1, 1, 4, 1, 1, 1, 1];
		const window = scrollWindow(heights, 4, 7);
		expect(window.start).toBeLessThanOrEqual(4);
		expect(window.end).toBeGreaterThan(4);
		expect(rowsUsed(heights, window.start, window.end)).toBeLessThanOrEqual(7);
	});

	it('shows a focused block taller than the rows alone: it is what the admin types in', () => {
		expect(scrollWindow([1, 9, 1], 1, 5)).toEqual({start: 1, end: 2});
	});

	it('for any blocks, focus and size: the focused block is in, the rows fit, and no neighbour would still fit', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({min: 1, max: 4}), {minLength: 1, maxLength: 30}),
				fc.nat(),
				fc.integer({min: 0, max: 40}),
				(heights, focusSeed, extra) => {
					const focus = focusSeed % (heights.length + 1);
					const focused = Math.min(focus, heights.length - 1);
					const rows = heights[focused]! + 2 + extra;
					const {start, end} = scrollWindow(heights, focus, rows);
					expect(start).toBeLessThanOrEqual(focused);
					expect(end).toBeGreaterThan(focused);
					expect(rowsUsed(heights, start, end)).toBeLessThanOrEqual(rows);
					if (start > 0) expect(rowsUsed(heights, start - 1, end)).toBeGreaterThan(rows);
					if (end < heights.length) expect(rowsUsed(heights, start, end + 1)).toBeGreaterThan(rows);
				},
			),
		);
	});

	it('follows a resize: each size gets its own window with the focus in it, and a tall enough one shows all', () => {
		const heights = [1, 1, 2, 1, 1, 1, 3, 1, 1, 1, 1, 1, 2, 1];
		for (const rows of [6, 9, 14, 19, 22]) {
			const {start, end} = scrollWindow(heights, 12, rows);
			expect(start).toBeLessThanOrEqual(12);
			expect(end).toBeGreaterThan(12);
			expect(rowsUsed(heights, start, end)).toBeLessThanOrEqual(rows);
		}
		expect(scrollWindow(heights, 12, 18)).toEqual({start: 0, end: heights.length});
	});
});
