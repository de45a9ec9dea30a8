import {terminalText} from '../../domain/terminalText.js';

// Terminal cell widths, for layouts computed before Ink draws them (the header, the footer, help columns).
// Wide characters (CJK, emoji) take two cells and combining marks none, as terminals draw them; a profile
// name or a gateway string may hold any of them.

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u;
const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]+$/u;

function graphemeWidth(grapheme: string): number {
	if (ZERO.test(grapheme)) return 0;
	return WIDE.test(grapheme) ? 2 : 1;
}

const NARROW = /^[\x20-\x7e…›─↑↓]*$/;

export function displayWidth(text: string): number {
	// Fast path: the header and footer are measured on every render, and nearly all of it is ASCII or the
	// one-cell symbols the shell draws.
	if (NARROW.test(text)) return text.length;
	let width = 0;
	for (const {segment} of segmenter.segment(text)) width += graphemeWidth(segment);
	return width;
}

export const ELLIPSIS = '…';

/** `text` cut to at most `width` cells; a cut ends in an ellipsis, so the reader knows there is more. */
export function elide(text: string, width: number): string {
	if (width <= 0) return '';
	if (displayWidth(text) <= width) return text;
	let out = '';
	let used = 0;
	for (const {segment} of segmenter.segment(text)) {
		const w = graphemeWidth(segment);
		if (used + w > width - 1) break;
		out += segment;
		used += w;
	}
	return out + ELLIPSIS;
}

/** Control characters (escape sequences from a hostile string) shown escaped, so they cannot move the cursor. */
export const printable = terminalText;

/** One table cell: terminal-safe text cut to `width` cells, with an ellipsis when it was longer. */
export const terminalCell = (value: string, width: number): string => elide(terminalText(value), width);
