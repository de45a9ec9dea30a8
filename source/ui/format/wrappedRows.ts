import {terminalText} from '../../domain/terminalText.js';
import {displayWidth} from './width.js';

// How many terminal rows a text takes once Ink wraps it at `width` cells. Layouts that must fit a body
// (the form's scroll window) count rows before Ink draws them; a guess of length / width is short by a
// row whenever a word moves to the next line, and that row then pushes the footer off the screen.
// Ink wraps with wrap-ansi (trim: false, hard: true): greedy by words, a space stays at the end of the
// row it follows, a word longer than a row is broken across rows. This mirrors that, per line, on the text
// as the Text boundary draws it (control characters escaped).

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

export function wrappedRows(text: string, width: number): number {
	const columns = Math.max(1, width);
	return text.split('\n').reduce((rows, line) => rows + lineRows(terminalText(line), columns), 0);
}

function lineRows(line: string, columns: number): number {
	if (displayWidth(line) <= columns) return 1;
	let rows = 1;
	let used = 0;
	line.split(' ').forEach((word, index) => {
		if (index > 0) {
			if (used >= columns) {
				rows++;
				used = 0;
			}
			used++; // the space, kept at the end of the row before
		}
		const length = displayWidth(word);
		if (length > columns) {
			// Broken character by character; it starts on a new row when that takes fewer breaks.
			const breaksHere = 1 + Math.floor((length - (columns - used) - 1) / columns);
			const breaksNext = Math.floor((length - 1) / columns);
			if (breaksNext < breaksHere) {
				rows++;
				used = 0;
			}
			for (const {segment} of graphemes.segment(word)) {
				const cells = displayWidth(segment);
				if (used + cells > columns) {
					rows++;
					used = 0;
				}
				used += cells;
			}
			return;
		}
		if (used + length > columns && used > 0 && length > 0) {
			rows++;
			used = 0;
		}
		used += length;
	});
	return rows;
}
