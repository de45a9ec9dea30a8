import fc from 'fast-check';
import widestLine from 'widest-line';
import {describe, expect, it} from 'vitest';
import cachedWidestLine from '../../source/ui/ink/cachedWidestLine.js';

// The bundle gives Ink this in place of widest-line (scripts/build.mjs): it must answer the same, also for
// a text it has seen before and after its cache started over.
const piece = fc.constantFrom('a', ' ', '漢', '🙂', 'é', '\u001B[31m', '\u001B[39m', '\n', '\t', '\u200B', '›');
const text = fc.array(piece, {maxLength: 30}).map(parts => parts.join(''));

describe('cachedWidestLine', () => {
	it('answers what widest-line answers, first and again', () => {
		fc.assert(
			fc.property(fc.array(text, {minLength: 1, maxLength: 50}), texts => {
				for (const t of [...texts, ...texts]) expect(cachedWidestLine(t)).toBe(widestLine(t));
			}),
		);
	});

	it('still answers right after more distinct texts than it keeps', () => {
		const texts = Array.from({length: 3_000}, (_, i) => `${'漢'.repeat(i % 7)}row ${i}`);
		for (const t of texts) cachedWidestLine(t);
		for (const t of [texts[0]!, texts[1_500]!, texts[2_999]!]) expect(cachedWidestLine(t)).toBe(widestLine(t));
	});
});
