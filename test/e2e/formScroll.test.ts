import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {displayWidth} from '../../source/ui/format/width.js';
import {CHANGE_SPEC} from '../../source/ui/screens/auth/enableForm.js';
import {directoryFormSpec} from '../../source/ui/screens/idp/forms/directoryForm.js';
import {BUNDLE, ROOT, ensureFreshBundle} from '../helpers/bundle.js';
import {hasColourEscapes, startTmux, type TmuxSession} from '../helpers/tmux.js';

// Forms taller than the body scroll, in the real bundle in a real terminal. At exactly 80x24 the directory
// form (both presets) and the authentication service's form have more rows than the body: the admin tabs
// to the last field and sees it, and what they type in it, with "↑ N more fields" above and the footer
// below; nothing wraps. At 120x36 the whole form shows, without indicators.

beforeAll(() => {
	ensureFreshBundle();
}, 120_000);

let session: TmuxSession | undefined;
afterEach(() => session?.kill());
const home = mkdtempSync(join(tmpdir(), 'oag-form-scroll-'));
afterAll(() => rmSync(home, {recursive: true, force: true}));
const isolated = {HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: join(home, 'data')};

type Size = {columns: number; rows: number};
const SMALL: Size = {columns: 80, rows: 24};
const LARGE: Size = {columns: 120, rows: 36};

const DIRECTORY_LABELS = directoryFormSpec('create').fields.map(field => field.label);
// The demo's service is enabled, so `e` opens the change form: the enable form's fields and one more.
const AUTH_LABELS = CHANGE_SPEC.fields.map(field => field.label);
const INDICATOR = /^ {2}[↑↓] \d+ more field/;

function start(size: Size, args = ''): TmuxSession {
	session = startTmux(`cd ${ROOT} && ${process.execPath} ${BUNDLE} demo ${args} 2>/dev/null`, size, isolated);
	return session;
}

/** Nothing wider than the terminal, and the footer's rule and key hints in their place (the frame is one row short). */
async function expectFrame(s: TmuxSession, size: Size): Promise<string[]> {
	// A capture can land between two writes of one frame: wait until the footer is drawn, then check it all.
	await s.waitFor(screen => /ctrl\+s \w+/.test(screen.split('\n')[size.rows - 2] ?? ''));
	const lines = s.joinedLines();
	const screen = lines.join('\n');
	expect(lines.length, screen).toBeLessThanOrEqual(size.rows);
	for (const line of lines) expect(displayWidth(line), `wider than ${size.columns}: ${line}`).toBeLessThanOrEqual(size.columns);
	expect(lines[size.rows - 3]!.startsWith('─'), screen).toBe(true);
	expect(lines[size.rows - 2], screen).toMatch(/ctrl\+s \w+/);
	return lines;
}

async function go(s: TmuxSession, command: string, ready: (screen: string) => boolean): Promise<void> {
	s.type(`:${command}`);
	s.sendKeys('Enter');
	await s.waitFor(ready, 20_000);
}

async function openIdp(s: TmuxSession): Promise<void> {
	await s.waitFor(screen => screen.includes('Readiness for offline mode'), 30_000);
	await go(s, 'idps', screen => screen.includes('Okta Production') && screen.includes('[AUTOMATIC]'));
	s.sendKeys('Enter');
	await s.waitFor(screen => screen.includes('IdP Okta Production') && screen.includes('Directories (1)'));
}

/** Tabs from the first field to the last and types there: the field and what it shows stay on screen. */
async function toLastField(s: TmuxSession, size: Size, labels: readonly string[], typed: string, shown = typed): Promise<string[]> {
	for (let i = 1; i < labels.length; i++) s.sendKeys('Tab');
	const last = labels.at(-1)!;
	await s.waitFor(screen => screen.includes(`> ${last}`));
	s.type(typed);
	await s.waitFor(screen => screen.includes(`${shown}_`));
	const lines = await expectFrame(s, size);
	expect(lines.some(line => line.startsWith(`> ${last}`) && line.includes(`${shown}_`)), lines.join('\n')).toBe(true);
	return lines;
}

describe('forms scroll at 80x24', () => {
	for (const [key, preset, args] of [
		['n', 'OpenLDAP', '--no-color'],
		['N', 'Active Directory', ''],
	] as const) {
		it(`the ${preset} directory form${args ? ` (${args})` : ''}: the last field, with an object class added, is in sight, "↑ N more fields" above it`, async () => {
			const s = start(SMALL, args);
			await openIdp(s);
			s.sendKeys(key);
			await s.waitFor(screen => screen.includes('New directory for Okta Production') && screen.includes('> Type'));
			await expectFrame(s, SMALL);

			await toLastField(s, SMALL, DIRECTORY_LABELS, 'posixGroup');
			s.sendKeys('Enter'); // added: the list unfolds one more row than the body has
			s.type('extensibleObject');
			await s.waitFor(screen => screen.includes('extensibleObject_'));
			const lines = await expectFrame(s, SMALL);
			const screen = lines.join('\n');
			expect(lines.some(line => line.startsWith(`> ${DIRECTORY_LABELS.at(-1)}`) && line.includes('extensibleObject_')), screen).toBe(true);
			expect(screen).toContain('posixGroup');
			// The three required fields were left empty: the ones out of sight are counted as to fix.
			expect(lines.some(line => /^ {2}↑ \d+ more fields?, \d to fix$/.test(line)), screen).toBe(true);
			expect(screen).toContain('[ Create directory ]');
			// Without colour the indicator is plain text; with it, the fields to fix colour it.
			expect(hasColourEscapes(s.capture({escapes: true})), args).toBe(args === '');

			s.sendKeys('Tab'); // to the button, still on screen
			await s.waitFor(screen => screen.includes('> [ Create directory ]'));
			await expectFrame(s, SMALL);
		}, 90_000);
	}

	it('the authentication service form with six server nodes: "↓ N more fields" while they are listed, the last field in sight', async () => {
		const s = start(SMALL);
		await s.waitFor(screen => screen.includes('Readiness for offline mode'), 30_000);
		await go(s, 'auth', screen => screen.includes('[ENABLED]'));
		s.sendKeys('e');
		await s.waitFor(screen => screen.includes('Change the authentication service') && screen.includes('> Server nodes'));
		// The demo's two nodes fit; a cluster of six, listed one per row while the field has the focus, does not.
		for (const node of [3, 4, 5, 6]) {
			s.type(`oag-node-${node}.example.com`);
			s.sendKeys('Enter');
			await s.waitFor(screen => screen.includes(`oag-node-${node}.example.com`) && !screen.includes(`oag-node-${node}.example.com_`));
		}
		s.type('oag-node-7');
		await s.waitFor(screen => screen.includes('oag-node-7_'));
		let lines = await expectFrame(s, SMALL);
		expect(lines.some(line => /^ {2}↓ \d+ more fields?$/.test(line)), lines.join('\n')).toBe(true);
		for (const node of [1, 6]) expect(lines.some(line => line.trim().endsWith(`oag-node-${node}.example.com`)), lines.join('\n')).toBe(true);
		s.sendKeys('C-u'); // not a node after all
		for (let i = 0; i < 'oag-node-7'.length; i++) s.sendKeys('BSpace');
		await s.waitFor(screen => !screen.includes('oag-node-7'));

		lines = await toLastField(s, SMALL, AUTH_LABELS, 'old-secret', '••••••••');
		// Without the focus the nodes fold onto their label's row, so the whole form is in sight again.
		expect(lines.some(line => /^ {2}Server nodes +6 items: oag-node-1\.example\.com/.test(line)), lines.join('\n')).toBe(true);
		expect(lines.join('\n')).toContain('[ Change the settings (disable, then enable) ]');
	}, 90_000);
});

describe('forms at 120x36', () => {
	it('follow a resize: the window goes when the terminal grows, and comes back when it shrinks', async () => {
		const s = start(SMALL);
		await openIdp(s);
		s.sendKeys('n');
		await s.waitFor(screen => screen.includes('New directory for Okta Production') && screen.includes('> Type'));
		await toLastField(s, SMALL, DIRECTORY_LABELS, 'posixGroup');
		s.sendKeys('Enter');
		await s.waitFor(screen => /↑ \d+ more field/.test(screen));
		s.resize(LARGE.columns, LARGE.rows);
		await s.waitFor(screen => !/[↑↓] \d+ more field/.test(screen) && screen.includes('> Group object classes'));
		const lines = await expectFrame(s, LARGE);
		for (const label of DIRECTORY_LABELS) expect(lines.some(line => line.slice(2).startsWith(label)), label).toBe(true);
		s.resize(SMALL.columns, SMALL.rows);
		await s.waitFor(screen => /↑ \d+ more field/.test(screen) && screen.includes('> Group object classes'));
		await expectFrame(s, SMALL);
	}, 90_000);

	it('show the whole directory form and the authentication service form, without indicators', async () => {
		const s = start(LARGE);
		await openIdp(s);
		s.sendKeys('n');
		await s.waitFor(screen => screen.includes('New directory for Okta Production') && screen.includes('> Type'));
		let lines = await expectFrame(s, LARGE);
		for (const label of DIRECTORY_LABELS) expect(lines.some(line => line.slice(2).startsWith(label)), label).toBe(true);
		expect(lines.some(line => INDICATOR.test(line))).toBe(false);
		await toLastField(s, LARGE, DIRECTORY_LABELS, 'posixGroup');
		expect(s.joinedLines().some(line => INDICATOR.test(line))).toBe(false);

		s.sendKeys('Escape');
		await s.waitFor(screen => screen.includes('IdP Okta Production'));
		await go(s, 'auth', screen => screen.includes('[ENABLED]'));
		s.sendKeys('e');
		await s.waitFor(screen => screen.includes('Change the authentication service') && screen.includes('> Server nodes'));
		lines = await expectFrame(s, LARGE);
		for (const label of AUTH_LABELS) expect(lines.some(line => line.slice(2).startsWith(label)), label).toBe(true);
		expect(lines.some(line => INDICATOR.test(line))).toBe(false);
	}, 90_000);
});
