import {ansiCodesToString, diffAnsiCodes, styledCharsFromTokens, tokenize, type StyledChar} from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';

// Ink's screen compositor (ink/build/output.js), with the same contract and the same bytes out, built for a
// TUI that redraws a full screen many times a second. The bundle puts it in place of Ink's (scripts/build.mjs);
// test/ui/frameOutput.test.ts checks it against the installed Ink's own on random frames.
//
// Why: Ink builds a new Output for every frame, so its caches live for one frame. A keystroke on a list
// changes two or three rows of 36, yet every frame tokenised every line again, made one object per cell, and
// diffed the styles of every pair of neighbouring cells (three Sets each): about 70% of a frame's time, and
// most of the garbage the collector then stops the process for. Here:
// - a row is kept by what was written into it (the lines and their columns): a row drawn in the frame
//   before, at any height, is not composed again;
// - a line's styled characters are kept for the next frame (the same line text gives the same cells);
// - neighbouring cells with equal styles emit nothing (Ink's diff of equal styles is empty), and the code
//   between two different styles is computed once per pair of styles;
// - blank cells are one shared object.
// Cell objects are never mutated after they are made, which is what makes sharing them safe.

type Cell = StyledChar;
type Styles = Cell['styles'];
type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};
type Transformer = (line: string, index: number) => string;
type Operation =
	| {type: 'write'; x: number; y: number; text: string; transformers: readonly Transformer[]}
	| {type: 'clip'; clip: Clip}
	| {type: 'unclip'};

/** Widths and style transitions are small and few; past this many entries a cache starts over. */
const CACHE_LIMIT = 1_000;

const BLANK: Cell = Object.freeze({type: 'char' as const, value: ' ', fullWidth: false, styles: [] as Styles});
const NO_STYLES: Styles = [];

function boundedGet<V>(cache: Map<string, V>, key: string, make: (key: string) => V): V {
	let value = cache.get(key);
	if (value === undefined) {
		if (cache.size >= CACHE_LIMIT) cache.clear();
		value = make(key);
		cache.set(key, value);
	}
	return value;
}

// A line's cells (about 100 bytes each) are kept for the frame that drew it and the next one only: enough
// for every unchanged line of a redraw, without keeping every row a long list has ever scrolled past.
let styledLines = new Map<string, readonly Cell[]>();
let styledLinesBefore = new Map<string, readonly Cell[]>();
const widths = new Map<string, number>();
const transitions = new Map<string, string>();
const styleKeys = new WeakMap<Styles, string>();

function styledCharsOf(line: string): readonly Cell[] {
	let cells = styledLines.get(line);
	if (cells === undefined) {
		cells = styledLinesBefore.get(line) ?? styledCharsFromTokens(tokenize(line));
		styledLines.set(line, cells);
	}
	return cells;
}
const widthOf = (text: string) => boundedGet(widths, text, stringWidth);
const widestLine = (text: string) => {
	let widest = 0;
	for (const line of text.split('\n')) widest = Math.max(widest, widthOf(line));
	return widest;
};

function styleKey(styles: Styles): string {
	let key = styleKeys.get(styles);
	if (key === undefined) {
		key = styles.map(s => `${s.code}\u0001${s.endCode}`).join('\u0002');
		styleKeys.set(styles, key);
	}
	return key;
}

function sameStyles(a: Styles, b: Styles): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i]!.code !== b[i]!.code || a[i]!.endCode !== b[i]!.endCode) return false;
	return true;
}

/** The escape codes that take the terminal from one cell's styles to the next's (Ink's diffAnsiCodes). */
const transition = (from: Styles, to: Styles) =>
	boundedGet(transitions, `${styleKey(from)}\u0000${styleKey(to)}`, () => ansiCodesToString(diffAnsiCodes(from, to)));

/** One row as Ink's styledCharsToString writes it (then trimmed at the end, as Ink does). */
function rowToString(cells: readonly Cell[]): string {
	let out = '';
	for (let i = 0; i < cells.length; i++) {
		const cell = cells[i]!;
		if (i === 0) out += ansiCodesToString(cell.styles);
		else {
			const previous = cells[i - 1]!.styles;
			if (!sameStyles(previous, cell.styles)) out += transition(previous, cell.styles);
		}
		out += cell.value;
		if (i === cells.length - 1) out += transition(cell.styles, NO_STYLES);
	}
	return out.trimEnd();
}

// A row's text is a pure function of the frame's width and the lines written into it, in order, at their
// columns: that list is the row's key. A list that scrolls by one row draws, at each y, a row the frame
// before drew one line higher; the key finds it without placing a single cell.
let rowTexts = new Map<string, string>();
let rowTextsBefore = new Map<string, string>();

type Placement = {x: number; line: string};

/** Ink's cell placement for one row: later writes over earlier ones, a wide character blanking its tail. */
function drawRow(cellsPerRow: number, placements: readonly Placement[]): string {
	const row = new Array<Cell>(cellsPerRow).fill(BLANK);
	for (const {x, line} of placements) {
		let offsetX = x;
		const characters = styledCharsOf(line);
		for (let i = 0; i < characters.length; i++) {
			const character = characters[i]!;
			row[offsetX] = character;
			const characterWidth = Math.max(1, widthOf(character.value));
			// A wide character covers the cells after it: blank them, in its styles, as Ink does.
			for (let extra = 1; extra < characterWidth; extra++) {
				row[offsetX + extra] = {type: 'char', value: '', fullWidth: false, styles: character.styles};
			}
			offsetX += characterWidth;
		}
	}
	// Writes past the right edge can leave holes; Ink drops them before joining.
	return rowToString(row.filter(cell => cell !== undefined));
}

export default class FrameOutput {
	readonly width: number;
	readonly height: number;
	private readonly operations: Operation[] = [];

	constructor(options: {width: number; height: number}) {
		this.width = options.width;
		this.height = options.height;
		// A new frame: the lines and rows of the one before stay at hand, older ones go.
		styledLinesBefore = styledLines;
		styledLines = new Map();
		rowTextsBefore = rowTexts;
		rowTexts = new Map();
	}

	write(x: number, y: number, text: string, options: {transformers: readonly Transformer[]}): void {
		if (!text) return;
		this.operations.push({type: 'write', x, y, text, transformers: options.transformers});
	}

	clip(clip: Clip): void {
		this.operations.push({type: 'clip', clip});
	}

	unclip(): void {
		this.operations.push({type: 'unclip'});
	}

	get(): {output: string; height: number} {
		// Ink's loops run `for (x = 0; x < width; x++)`: as many cells, also for a fractional width.
		const cellsPerRow = Number.isFinite(this.width) ? Math.max(0, Math.ceil(this.width)) : 0;
		const rows: Placement[][] = [];
		for (let y = 0; y < this.height; y++) rows.push([]);
		const clips: Clip[] = [];
		for (const operation of this.operations) {
			if (operation.type === 'clip') clips.push(operation.clip);
			else if (operation.type === 'unclip') clips.pop();
			else this.place(rows, operation, clips.at(-1));
		}
		const lines: string[] = [];
		for (const placements of rows) {
			let key = `${cellsPerRow}`;
			for (const {x, line} of placements) key += `\u0001${x}\u0000${line}`;
			let text = rowTexts.get(key);
			if (text === undefined) {
				text = rowTextsBefore.get(key) ?? drawRow(cellsPerRow, placements);
				rowTexts.set(key, text);
			}
			lines.push(text);
		}
		return {output: lines.join('\n'), height: rows.length};
	}

	/** One write, clipped as Ink clips it, its lines (transformed) noted on the rows they land on. */
	private place(rows: Placement[][], operation: Extract<Operation, {type: 'write'}>, clip: Clip | undefined): void {
		const {text, transformers} = operation;
		let {x, y} = operation;
		let lines = text.split('\n');
		if (clip) {
			const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
			const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
			if (clipHorizontally) {
				const width = widestLine(text);
				if (x + width < clip.x1! || x > clip.x2!) return;
			}
			if (clipVertically) {
				if (y + lines.length < clip.y1! || y > clip.y2!) return;
			}
			if (clipHorizontally) {
				lines = lines.map(line => {
					const from = x < clip.x1! ? clip.x1! - x : 0;
					const width = widthOf(line);
					const to = x + width > clip.x2! ? clip.x2! - x : width;
					return sliceAnsi(line, from, to);
				});
				if (x < clip.x1!) x = clip.x1!;
			}
			if (clipVertically) {
				const from = y < clip.y1! ? clip.y1! - y : 0;
				const to = y + lines.length > clip.y2! ? clip.y2! - y : lines.length;
				lines = lines.slice(from, to);
				if (y < clip.y1!) y = clip.y1!;
			}
		}
		let offsetY = 0;
		for (let index = 0; index < lines.length; index++) {
			const row = rows[y + offsetY];
			// A text taller than the frame has lines below it: Ink skips them (and stays on that row).
			if (!row) continue;
			let line = lines[index]!;
			for (const transformer of transformers) line = transformer(line, index);
			row.push({x, line});
			offsetY++;
		}
	}
}
