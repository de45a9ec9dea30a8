import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {terminalLines, terminalText} from '../../source/domain/terminalText.js';
import {terminalCell, displayWidth} from '../../source/ui/format/width.js';

// Anything a terminal could obey: C0 (all of it for one value), DEL, C1, and the bidi controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const hostileChar = fc.oneof(
	fc.integer({min: 0, max: 0x1f}).map(code => String.fromCharCode(code)),
	fc.integer({min: 0x7f, max: 0x9f}).map(code => String.fromCharCode(code)),
	fc.constantFrom('\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u061c'),
	fc.constantFrom('\u001b]52;c;cHduZWQ=\u0007', '\u001b]0;pwned\u001b\\', '\u001b[2J\u001b[H', '\u009b31m', '\u001bP1$r\u001b\\', '\r\b\b\u0007'),
);
// Strings that mix hostile characters and sequences into ordinary (including non-ASCII) text.
const hostile = fc.array(fc.oneof(fc.string({unit: 'grapheme'}), hostileChar), {maxLength: 12}).map(parts => parts.join(''));
const printableText = fc.string({unit: 'grapheme', maxLength: 40}).filter(text => !CONTROL.test(text));

describe('terminalText', () => {
	it('never lets a control byte, escape or bidi control through', () => {
		fc.assert(fc.property(hostile, value => !CONTROL.test(terminalText(value))), {numRuns: 2000});
	});

	it('keeps only the newline and tab of composed lines', () => {
		fc.assert(fc.property(hostile, value => !CONTROL_EXCEPT_LAYOUT.test(terminalLines(value))), {numRuns: 1000});
	});

	it('passes printable text unchanged', () => {
		fc.assert(fc.property(printableText, value => terminalText(value) === value && terminalLines(value) === value));
	});

	it('is idempotent', () => {
		fc.assert(fc.property(hostile, value => terminalText(terminalText(value)) === terminalText(value)), {numRuns: 1000});
	});

	it('shows what it neutralised, so an unknown enum value with escapes reads as such', () => {
		expect(terminalText('ENABLED\u001b[32m')).toBe('ENABLED\\u001b[32m');
		expect(terminalText('a\u001b]52;c;cHduZWQ=\u0007b')).toBe('a\\u001b]52;c;cHduZWQ=\\u0007b');
		expect(terminalText('ok\rPWNED\b\u009b\u202eevil')).toBe('ok\\u000dPWNED\\u0008\\u009b\\u202eevil');
		expect(terminalText('Ünïcødé 名前 🙂')).toBe('Ünïcødé 名前 🙂');
	});
});

describe('terminalCell', () => {
	it('is terminal-safe and never wider than its cell', () => {
		fc.assert(
			fc.property(hostile, fc.integer({min: 1, max: 30}), (value, width) => {
				const cell = terminalCell(value, width);
				return !CONTROL.test(cell) && displayWidth(cell) <= width;
			}),
			{numRuns: 1000},
		);
	});

	it('ends a cut with an ellipsis and leaves a short value whole', () => {
		expect(terminalCell('Payroll portal', 8)).toBe('Payroll…');
		expect(terminalCell('Payroll', 8)).toBe('Payroll');
		expect(terminalCell('a\u001bb', 4)).toBe('a\\u…');
	});
});
