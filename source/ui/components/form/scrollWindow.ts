// Which blocks of a column (a form's fields) fit in `rows` terminal rows, always with the focused one,
// and with one row taken by an indicator on each side that has blocks hidden ("↑ 3 more"). Stateless,
// like a list's window (ListView's windowStart): the focused block sits near the middle, so both the
// field before and the field after it are in sight, and a resize simply yields the window for the new size.

export type ScrollWindow = {
	/** Index of the first block shown. */
	start: number;
	/** One past the last block shown. */
	end: number;
};

/**
 * `heights` are the blocks' rows; `focus` is an index into them, or heights.length for something after
 * the last block (the submit button), which shows the last blocks. A focused block taller than `rows`
 * is still shown, alone: it is what the admin is typing in.
 */
export function scrollWindow(heights: readonly number[], focus: number, rows: number): ScrollWindow {
	const count = heights.length;
	if (count === 0 || sum(heights, 0, count) <= rows) return {start: 0, end: count};
	const focused = Math.max(0, Math.min(count - 1, focus));
	const cost = (start: number, end: number) => sum(heights, start, end) + (start > 0 ? 1 : 0) + (end < count ? 1 : 0);
	let start = focused;
	let end = focused + 1;
	for (;;) {
		const up = start > 0 && cost(start - 1, end) <= rows;
		const down = end < count && cost(start, end + 1) <= rows;
		if (!up && !down) break;
		// Grow the side with fewer rows in sight, so the focused block stays near the middle.
		const above = sum(heights, start, focused);
		const below = sum(heights, focused + 1, end);
		if (up && (!down || above <= below)) start--;
		else end++;
	}
	return {start, end};
}

function sum(heights: readonly number[], from: number, to: number): number {
	let total = 0;
	for (let i = from; i < to; i++) total += heights[i]!;
	return total;
}
