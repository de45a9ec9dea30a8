import cachedWidestLine from './cachedWidestLine.js';

// Ink's measure-text.js for the bundle (scripts/build.mjs swaps it in for dom.js): a text's width and height,
// remembered. Ink keeps every text it has ever measured in one Map that never forgets, so a TUI left open
// on a health screen for days (a countdown, "checked 4s ago", a history of check times, thousands of app
// rows scrolled past) keeps every string it ever drew. Here the cache holds the texts of about the last two
// screens and then starts over: a dimension is a pure function of the text, so forgetting one only costs
// measuring it again.

export type Dimensions = {width: number; height: number};

const LIMIT = 1_000;
const EMPTY: Dimensions = Object.freeze({width: 0, height: 0});
let recent = new Map<string, Dimensions>();
let before = new Map<string, Dimensions>();

export default function measureText(text: string): Dimensions {
	if (text.length === 0) return EMPTY;
	let dimensions = recent.get(text);
	if (dimensions === undefined) {
		dimensions = before.get(text) ?? {width: cachedWidestLine(text), height: text.split('\n').length};
		if (recent.size >= LIMIT) {
			before = recent;
			recent = new Map();
		}
		recent.set(text, dimensions);
	}
	return dimensions;
}
