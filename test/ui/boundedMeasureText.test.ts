import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import measureText from '../../source/ui/ink/boundedMeasureText.js';

// The bundle gives Ink's layout this in place of its measure-text.js (scripts/build.mjs): the same
// dimensions as the installed Ink's own, also for a text measured again after the cache started over.
const inkMeasureUrl = new URL('../../node_modules/ink/build/measure-text.js', import.meta.url);
const inkMeasureText = ((await import(inkMeasureUrl.href)) as {default: (text: string) => {width: number; height: number}}).default;

const piece = fc.constantFrom('a', ' ', '漢', '🙂', 'é', '\u001B[31m', '\u001B[39m', '\n', '\t', '›', '');
const text = fc.array(piece, {maxLength: 30}).map(parts => parts.join(''));

describe('boundedMeasureText', () => {
	it("answers what Ink's measure-text answers, first and again", () => {
		fc.assert(
			fc.property(fc.array(text, {minLength: 1, maxLength: 50}), texts => {
				for (const t of [...texts, ...texts]) expect(measureText(t)).toEqual(inkMeasureText(t));
			}),
		);
	});

	it('keeps answering right after more distinct texts than it holds', () => {
		const texts = Array.from({length: 3_000}, (_, i) => `checked ${i}s ago\n${'漢'.repeat(i % 5)}`);
		for (const t of texts) measureText(t);
		for (const t of [texts[0]!, texts[1_500]!, texts[2_999]!]) expect(measureText(t)).toEqual(inkMeasureText(t));
	});
});
