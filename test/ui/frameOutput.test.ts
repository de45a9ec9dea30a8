import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import FrameOutput from '../../source/ui/ink/frameOutput.js';

// The bundle draws with FrameOutput in place of Ink's own compositor (scripts/build.mjs). It must write the
// very same bytes: compared here with the Output of the Ink that is installed, on random frames drawn one
// after another (FrameOutput keeps rows and lines from one frame to the next). An Ink upgrade that changes
// how it composes a frame fails this test before it can reach a terminal.

type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};
type Transformer = (line: string, index: number) => string;
type Compositor = {write(x: number, y: number, text: string, o: {transformers: Transformer[]}): void; clip(c: Clip): void; unclip(): void; get(): {output: string; height: number}};
type CompositorClass = new (o: {width: number; height: number}) => Compositor;

// Ink's package exports only its entry; its compositor is loaded from the installed file.
const inkOutputUrl = new URL('../../node_modules/ink/build/output.js', import.meta.url);
const InkOutput = ((await import(inkOutputUrl.href)) as {default: CompositorClass}).default;

// Styles as chalk writes them (open, close), 256 and true colours, and a link.
const STYLES: ReadonlyArray<[string, string]> = [
	['\u001B[1m', '\u001B[22m'],
	['\u001B[2m', '\u001B[22m'],
	['\u001B[4m', '\u001B[24m'],
	['\u001B[7m', '\u001B[27m'],
	['\u001B[31m', '\u001B[39m'],
	['\u001B[32m', '\u001B[39m'],
	['\u001B[44m', '\u001B[49m'],
	['\u001B[38;5;208m', '\u001B[39m'],
	['\u001B[38;2;1;2;3m', '\u001B[39m'],
	['\u001B]8;;https://example.test\u0007', '\u001B]8;;\u0007'],
];
const CHARS = ['a', 'b', 'Z', ' ', '-', '│', '─', '…', '漢', '字', '🙂', 'é', '›', '0'];

const segment = fc.record({
	text: fc.array(fc.constantFrom(...CHARS), {minLength: 0, maxLength: 12}).map(cs => cs.join('')),
	styles: fc.subarray([...STYLES.keys()], {maxLength: 3}),
	reset: fc.boolean(),
});
const styledLine = fc.array(segment, {maxLength: 4}).map(segments =>
	segments
		.map(({text, styles, reset}) => {
			const open = styles.map(i => STYLES[i]![0]).join('');
			const close = reset ? '\u001B[0m' : styles.map(i => STYLES[i]![1]).reverse().join('');
			return `${open}${text}${close}`;
		})
		.join(''),
);
const text = fc.array(styledLine, {minLength: 1, maxLength: 4}).map(lines => lines.join('\n'));

const TRANSFORMERS: Transformer[] = [
	line => line.toUpperCase(),
	(line, index) => `\u001B[3${index % 8}m${line}\u001B[39m`,
	line => `>${line}`,
];
const coordinate = fc.integer({min: -3, max: 24});
const operation = fc.oneof(
	{weight: 6, arbitrary: fc.record({type: fc.constant('write' as const), x: coordinate, y: coordinate, text, transformers: fc.subarray([0, 1, 2], {maxLength: 2})})},
	{
		weight: 1,
		arbitrary: fc.record({type: fc.constant('clip' as const), clip: fc.record({x1: coordinate, x2: coordinate, y1: coordinate, y2: coordinate}, {requiredKeys: []})}),
	},
	{weight: 1, arbitrary: fc.constant({type: 'unclip' as const})},
);
const frame = fc.record({width: fc.integer({min: 0, max: 30}), height: fc.integer({min: 0, max: 12}), operations: fc.array(operation, {maxLength: 12})});

type Frame = typeof frame extends fc.Arbitrary<infer T> ? T : never;

function draw(Compositor: CompositorClass, f: Frame) {
	const output = new Compositor({width: f.width, height: f.height});
	for (const op of f.operations) {
		if (op.type === 'write') output.write(op.x, op.y, op.text, {transformers: op.transformers.map(i => TRANSFORMERS[i]!)});
		else if (op.type === 'clip') output.clip(op.clip);
		else output.unclip();
	}
	return output.get();
}

describe('FrameOutput, the bundle compositor', () => {
	it('writes what Ink writes, frame after frame', () => {
		fc.assert(
			fc.property(fc.array(frame, {minLength: 1, maxLength: 5}), frames => {
				for (const f of frames) expect(draw(FrameOutput, f)).toEqual(draw(InkOutput, f));
			}),
			{numRuns: 400},
		);
	});

	it('writes what Ink writes when a frame repeats or changes one row (the rows it reuses)', () => {
		fc.assert(
			fc.property(frame, fc.integer({min: 0, max: 11}), styledLine, (f, row, line) => {
				const changed: Frame = {...f, operations: [...f.operations, {type: 'write', x: 0, y: row, text: line, transformers: []}]};
				for (const next of [f, f, changed, f]) expect(draw(FrameOutput, next)).toEqual(draw(InkOutput, next));
			}),
			{numRuns: 200},
		);
	});

	it('writes what Ink writes when the same lines move to other rows and columns (a list that scrolls), or the terminal resizes', () => {
		fc.assert(
			fc.property(frame, fc.integer({min: -2, max: 2}), fc.integer({min: -2, max: 2}), fc.integer({min: 0, max: 8}), (f, dx, dy, narrower) => {
				const moved: Frame = {...f, operations: f.operations.map(op => (op.type === 'write' ? {...op, x: op.x + dx, y: op.y + dy} : op))};
				const resized: Frame = {...f, width: Math.max(0, f.width - narrower)};
				for (const next of [f, moved, f, resized]) expect(draw(FrameOutput, next)).toEqual(draw(InkOutput, next));
			}),
			{numRuns: 300},
		);
	});

	it('keeps a full 120x36 screen of styled rows identical across redraws', () => {
		const rows = Array.from({length: 36}, (_, y) => `\u001B[1m${String(y).padStart(3)}\u001B[22m \u001B[32m${'app-'.repeat(20)}\u001B[39m │ ${y % 3 ? 'ACTIVE' : '漢字'}`);
		const screen: Frame = {width: 120, height: 36, operations: rows.map((text, y) => ({type: 'write' as const, x: 0, y, text, transformers: []}))};
		const first = draw(FrameOutput, screen);
		expect(first).toEqual(draw(InkOutput, screen));
		expect(draw(FrameOutput, screen)).toEqual(first);
	});
});
