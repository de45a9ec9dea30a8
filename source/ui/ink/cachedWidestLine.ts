import widestLine from 'widest-line';

// `widest-line` for Ink's renderer, remembered from one frame to the next. Ink measures the width of every
// text on screen again on every frame (render-node-to-output.js), and string-width's per-character Unicode
// tests made that about a tenth of a keystroke's frame. A width is a pure function of the text, so a cache
// cannot change what is drawn; it holds the texts of about the last two screens and then starts over.

const LIMIT = 1_000;
let widths = new Map<string, number>();
let widthsBefore = new Map<string, number>();

export default function cachedWidestLine(text: string): number {
	let width = widths.get(text);
	if (width === undefined) {
		width = widthsBefore.get(text) ?? widestLine(text);
		if (widths.size >= LIMIT) {
			widthsBefore = widths;
			widths = new Map();
		}
		widths.set(text, width);
	}
	return width;
}
