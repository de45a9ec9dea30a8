import fc from 'fast-check';
import {Box, renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {wrappedRows} from '../../source/ui/format/wrappedRows.js';
import {Text} from '../../source/ui/theme/Text.js';

// The rows a layout counts for a wrapped text must be the rows Ink draws: checked against Ink itself.

const drawnRows = (text: string, width: number): number =>
	renderToString(
		<Box width={width} flexDirection="column">
			<Text>{text}</Text>
		</Box>,
		{columns: 200},
	).split('\n').length;

describe('wrappedRows', () => {
	it('counts a word moved to the next row, which length / width misses', () => {
		const text = 'Where groups are searched (follows the base DN until edited).'; // 61 cells
		expect(wrappedRows(text, 56)).toBe(2);
		expect(wrappedRows('aaaa bbbb cccc', 9)).toBe(2);
		expect(wrappedRows('aaaa bbbb cccc', 9)).toBe(drawnRows('aaaa bbbb cccc', 9));
		expect(wrappedRows('aaaaaa bbbbbb cccccc', 10)).toBe(3); // ceil(20 / 10) would say 2
	});

	it('breaks a word longer than the row, counts line breaks, and measures escaped control characters', () => {
		expect(wrappedRows('x'.repeat(25), 10)).toBe(3);
		expect(wrappedRows('one\ntwo', 40)).toBe(2);
		expect(wrappedRows('\u001b[2J', 4)).toBe(drawnRows('\u001b[2J', 4));
	});

	it('matches what Ink draws, for any words and width', () => {
		const word = fc.stringMatching(/^[a-z]{0,14}$/);
		fc.assert(
			fc.property(fc.array(word, {minLength: 1, maxLength: 12}), fc.integer({min: 3, max: 30}), (words, width) => {
				const text = words.join(' ');
				expect(wrappedRows(text, width)).toBe(drawnRows(text, width));
			}),
			{numRuns: 300},
		);
	});
});
