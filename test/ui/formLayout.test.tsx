import {Box, renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import type {FormSpec} from '../../source/ui/components/form/fieldSpecs.js';
import {Form} from '../../source/ui/components/form/Form.js';
import {formLayout, moreText} from '../../source/ui/components/form/formLayout.js';
import {checkAll, errorOf, initialFormState, type FormState} from '../../source/ui/components/form/formState.js';
import {CHANGE_SPEC, INITIAL_VALUES} from '../../source/ui/screens/auth/enableForm.js';
import {directoryFormSpec, presetValues} from '../../source/ui/screens/idp/forms/directoryForm.js';
import {ThemeProvider} from '../../source/ui/theme/ThemeContext.js';
import {themeNamed} from '../../source/ui/theme/theme.js';

// The form's layout decision (full, compact, scroll window), checked on the real directory and
// authentication-service forms by drawing them with Ink at the body sizes of an 80x24 and a 120x36 terminal.

const DIRECTORY = directoryFormSpec('create');
/** The directory form's rows at 80x24: 24 rows, less the frame's header (2), footer (2), the row Ink keeps and the title. */
const BODY_80x24 = 24 - 1 - 2 - 2 - 1;

/** After a Ctrl+S on an empty form: every field touched, the required ones in error. */
function submitted(spec: FormSpec, initial: Record<string, string | readonly string[]>): FormState {
	return checkAll(spec, initialFormState(spec, initial)).state;
}

function draw(spec: FormSpec, state: FormState, width: number, height: number): string[] {
	const text = renderToString(
		<ThemeProvider theme={themeNamed('no-color')}>
			<Box width={width} flexDirection="column">
				<Form spec={spec} state={state} errorOf={name => errorOf(spec, state, name)} width={width} height={height} />
			</Box>
		</ThemeProvider>,
		{columns: width},
	);
	return text.split('\n');
}

const focusLine = (spec: FormSpec, state: FormState) => (state.focus < spec.fields.length ? `> ${spec.fields[state.focus]!.label}` : `> [ ${spec.submitLabel} ]`);

describe('form layout', () => {
	it('at 80x24 every field of the directory form can be reached: focused, with its error, in the rows there are', () => {
		const base = submitted(DIRECTORY, presetValues('OPEN_LDAP', 'dc=example,dc=com'));
		for (let focus = 0; focus <= DIRECTORY.fields.length; focus++) {
			const state = {...base, focus};
			const lines = draw(DIRECTORY, state, 80, BODY_80x24);
			const shown = lines.join('\n');
			expect(lines.length, shown).toBeLessThanOrEqual(BODY_80x24);
			expect(lines.some(line => line.startsWith(focusLine(DIRECTORY, state))), shown).toBe(true);
			const field = DIRECTORY.fields[focus];
			const error = field && errorOf(DIRECTORY, state, field.name);
			if (error) expect(shown).toContain(error);
			expect(shown).toContain(`[ ${DIRECTORY.submitLabel} ]`); // the button stays below the window
			const {above, below} = formLayout({spec: DIRECTORY, state, errorOf: name => errorOf(DIRECTORY, state, name), width: 80, height: BODY_80x24});
			if (above.count > 0) expect(lines[0]).toContain(moreText(above, 'above'));
			if (below.count > 0) expect(shown).toContain(moreText(below, 'below'));
		}
	});

	it('says how many fields are out of sight and how many of them need fixing', () => {
		const base = submitted(DIRECTORY, presetValues('OPEN_LDAP', 'dc=example,dc=com'));
		const last = {...base, focus: DIRECTORY.fields.length - 1}; // a list: its items unfold under it
		const lines = draw(DIRECTORY, last, 80, BODY_80x24);
		// Connection URL, bind DN and credential are empty and required: each is a ✗ on screen or counted above.
		const toFix = /^ {2}↑ \d+ more fields?, (\d) to fix$/.exec(lines[0]!);
		expect(toFix, lines.join('\n')).toBeTruthy();
		expect(Number(toFix![1])).toBeGreaterThan(0);
		expect(Number(toFix![1]) + lines.filter(line => line.startsWith('✗ ')).length).toBe(3);
		expect(lines.join('\n')).not.toContain('↓');
		const first = draw(DIRECTORY, {...base, focus: 0}, 80, 12).join('\n');
		expect(first).toMatch(/\n {2}↓ \d+ more fields\n/); // the three to fix are at the top, in sight
		expect(first).not.toContain('↑');
	});

	it('compact, a list without the focus shows its items on its label row; with the focus, one per row', () => {
		const spec = CHANGE_SPEC;
		const nodes = ['oag-node-1.example.com', 'oag-node-2.example.com', 'oag-node-3.example.com'];
		const state = {...submitted(spec, {...INITIAL_VALUES, serverNodes: nodes}), focus: 1};
		const folded = draw(spec, state, 80, 10);
		expect(folded.some(line => /^✗? *Server nodes +3 items: oag-node-1\.example\.com, oag-node-2/.test(line)), folded.join('\n')).toBe(true);
		const open = draw(spec, {...state, focus: 0}, 80, 10);
		for (const node of nodes) expect(open.some(line => line.trim().endsWith(node)), open.join('\n')).toBe(true);
	});

	it('cuts a long value at the edge and keeps the marker and label columns (a long value once shrank them)', () => {
		const domain = `${'very-long-label.'.repeat(8)}example.com`;
		const focus = CHANGE_SPEC.fields.findIndex(field => field.name === 'publicDomain') - 1; // its neighbour: in sight
		const state = {...submitted(CHANGE_SPEC, {...INITIAL_VALUES, publicDomain: domain}), focus};
		for (const height of [10, 40]) {
			const row = draw(CHANGE_SPEC, state, 80, height).find(line => line.includes('Public domain'));
			expect(row, String(height)).toMatch(/^ {2}Public domain {9}very-long-label\./);
			expect(row!.length).toBeLessThanOrEqual(80);
		}
	});

	it('counts a long error on the focused field: the frame still fits', () => {
		const base = submitted(DIRECTORY, presetValues('OPEN_LDAP', 'dc=example,dc=com'));
		const long = 'The gateway refused this search base: it names no entry the bind user can read, check the spelling and the ACLs on the directory server before trying again.';
		for (let focus = 0; focus < DIRECTORY.fields.length; focus++) {
			const state = {...base, focus, serverErrors: {[DIRECTORY.fields[focus]!.name]: long}};
			const lines = draw(DIRECTORY, state, 80, BODY_80x24);
			expect(lines.length, lines.join('\n')).toBeLessThanOrEqual(BODY_80x24);
			expect(lines.join(' ').replace(/\s+/g, ' ')).toContain(long);
		}
	});

	it('follows a resize: at each height the focused field is drawn and the frame fits', () => {
		const base = submitted(CHANGE_SPEC, INITIAL_VALUES);
		const last = CHANGE_SPEC.fields.length - 1;
		for (let height = 6; height <= 30; height++) {
			const state = {...base, focus: last};
			const lines = draw(CHANGE_SPEC, state, 80, height);
			expect(lines.length, `${height}:\n${lines.join('\n')}`).toBeLessThanOrEqual(height);
			expect(lines.some(line => line.startsWith(focusLine(CHANGE_SPEC, state)))).toBe(true);
		}
	});

	it('with room (a 120x36 body) shows the whole form at full size, without indicators', () => {
		const state = submitted(DIRECTORY, presetValues('ACTIVE_DIRECTORY', 'dc=example,dc=com'));
		const layout = formLayout({spec: DIRECTORY, state, errorOf: name => errorOf(DIRECTORY, state, name), width: 120, height: 36 - 6});
		expect(layout).toMatchObject({full: true, above: {count: 0}, below: {count: 0}});
		const shown = draw(DIRECTORY, state, 120, 30).join('\n');
		for (const field of DIRECTORY.fields) expect(shown).toContain(field.label);
		expect(shown).not.toMatch(/[↑↓] \d+ more/);
	});
});
