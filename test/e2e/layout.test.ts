import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {displayWidth} from '../../source/ui/format/width.js';
import {BUNDLE, ROOT, spawnSimulatorProcess, ensureFreshBundle} from '../helpers/bundle.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';

// The layout of the real bundle in a real terminal, at exactly 80x24 (many SSH sessions) and at 120x36,
// with and without --insecure: the header keeps its badges, no line is wider than the terminal or wraps,
// every screen shows all its rows, and the help and the footers fit.

beforeAll(() => {
	ensureFreshBundle();
}, 120_000);

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

// --insecure has no demo path (the demo trusts the simulator's own CA): run the simulator as its own
// process, as README's "Against the simulator by hand" does, and point the TUI at it with --insecure.
let simulator: Awaited<ReturnType<typeof spawnSimulatorProcess>> | undefined;
const home = mkdtempSync(join(tmpdir(), 'oag-layout-'));
afterAll(async () => {
	await simulator?.stop();
	rmSync(home, {recursive: true, force: true});
});

const isolated = {HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: join(home, 'data')};

const demo = (env = '') => `cd ${ROOT} && ${env} ${process.execPath} ${BUNDLE} demo 2>/dev/null`;

async function insecureCommand(): Promise<string> {
	simulator ??= await spawnSimulatorProcess();
	const {url, clientId, keyFile} = simulator.line;
	return `cd ${ROOT} && ${process.execPath} ${BUNDLE} --host ${url} --client-id ${clientId} --key-file ${keyFile} --insecure 2>/dev/null`;
}

type Size = {columns: number; rows: number};

/** What holds on every screen: the frame's lines fit, the header keeps its badges, the footer is one line. */
function expectFrame(s: TmuxSession, size: Size, insecure: boolean, title: string): string[] {
	const lines = s.joinedLines();
	expect(lines.length, lines.join('\n')).toBeLessThanOrEqual(size.rows);
	for (const line of lines) expect(displayWidth(line), `wider than ${size.columns}: ${line}`).toBeLessThanOrEqual(size.columns);
	const [status, trail] = lines;
	expect(status).toContain('[RW]');
	expect(status).toContain('[CONNECTED]');
	if (insecure) expect(status).toContain('[INSECURE TLS');
	else expect(status).not.toContain('INSECURE');
	expect(trail!.startsWith('─ ')).toBe(true);
	expect(trail).toContain(title);
	// The frame is one row short of the terminal (see App.tsx); its last line is the footer's key hints.
	const hints = lines[size.rows - 2]!;
	expect(lines[size.rows - 3]!.startsWith('─')).toBe(true);
	expect(hints).toMatch(/\? help|Esc close/);
	return lines;
}

/** Rows of a list on screen, and the count the list says it has: all of them must be on screen. */
function expectAllRows(lines: string[], row: RegExp): number {
	const shown = lines.filter(line => row.test(line)).length;
	const counter = lines.map(line => /^(\d+) rows/.exec(line)).find(Boolean);
	expect(counter, lines.join('\n')).toBeTruthy();
	expect(shown, lines.join('\n')).toBe(Number(counter![1]));
	return shown;
}

async function go(s: TmuxSession, command: string, ready: (screen: string) => boolean): Promise<void> {
	s.type(`:${command}`);
	s.sendKeys('Enter');
	await s.waitFor(ready, 20_000);
}

async function walk(s: TmuxSession, size: Size, insecure: boolean): Promise<void> {
	// The dashboard: "loading" until the lists are in, then every checklist line, with its key, on one line.
	const dashboard = await s.waitFor(screen => /Readiness for offline mode: \d+\/\d+ done/.test(screen), 30_000);
	expect(dashboard).not.toMatch(/loading IdPs|loading apps/);
	let lines = expectFrame(s, size, insecure, 'Dashboard');
	expect(expectAllRows(lines, /^.{0,3}\[(x| |…)\] .*:(auth|health|idps|apps)$/)).toBeGreaterThanOrEqual(16);

	await go(s, 'health', screen => screen.includes('[HEALTHY] normal operation') && screen.includes('IdP failover'));
	lines = expectFrame(s, size, insecure, 'Health');
	expect(lines.filter(line => /\[(AUTOMATIC|DISABLED)\]/.test(line))).toHaveLength(2);
	expect(lines[size.rows - 2]).not.toContain('/ filter'); // no list here, so no filter key

	await go(s, 'auth', screen => screen.includes('[ENABLED]') && screen.includes('Certificate'));
	lines = expectFrame(s, size, insecure, 'Authentication service');
	for (const field of ['Server nodes', 'Database', 'Public domain', 'Certificate']) expect(lines.some(line => line.startsWith(field))).toBe(true);

	await go(s, 'idps', screen => /\d+ rows/.test(screen) && screen.includes('[DISABLED]'));
	lines = expectFrame(s, size, insecure, 'IdPs');
	expect(expectAllRows(lines, /^.{0,3}\S.*\[(AUTOMATIC|DISABLED)\]/)).toBe(2);

	await go(s, 'apps', screen => /\d+ rows/.test(screen) && screen.includes('[ACTIVE]'));
	lines = expectFrame(s, size, insecure, 'Apps');
	expect(expectAllRows(lines, /^.{0,3}\S.*\[(ACTIVE|INACTIVE|TEST)\]/)).toBeGreaterThanOrEqual(12);

	s.type('?');
	await s.waitFor(screen => screen.includes('Keys and commands'));
	lines = expectFrame(s, size, insecure, 'Apps');
	expect(lines[size.rows - 2]).toContain('Esc close');
	// Aligned: every command starts in the same column.
	const commandAt = (line: string) => /^[^:]*\s:(help|dashboard|health|auth|idps|apps|q)(\s|$)/.exec(line) && line.indexOf(' :') + 1;
	const columns = new Set(lines.map(commandAt).filter(Boolean));
	expect(columns.size).toBeGreaterThan(0);
	expect(columns.size, lines.join('\n')).toBe(1);
	const listed = lines.filter(line => line.includes(':q ') || line.endsWith(':q') || / 1-\d+ of \d+/.test(line));
	expect(listed.length, 'the help shows its last line, or says where it is').toBeGreaterThan(0);
	s.sendKeys('Escape');
	await s.waitFor(screen => !screen.includes('Keys and commands'));

	s.type('q');
	await s.waitFor(screen => screen.includes('EXITED 0'));
}

describe('layout in a real terminal', () => {
	for (const size of [
		{columns: 80, rows: 24},
		{columns: 120, rows: 36},
	]) {
		it(`demo at ${size.columns}x${size.rows}: badges kept, nothing wraps, every screen shows all its rows`, async () => {
			session = startTmux(demo(), size, isolated);
			await walk(session, size, false);
		}, 120_000);

		it(`--insecure against the simulator at ${size.columns}x${size.rows}: the danger badge stays`, async () => {
			session = startTmux(await insecureCommand(), size, isolated);
			await walk(session, size, true);
		}, 120_000);
	}

	it('draws with CI=true in a real terminal (Ink would otherwise print nothing until exit)', async () => {
		session = startTmux(demo('CI=true CONTINUOUS_INTEGRATION=1'), {columns: 80, rows: 24}, isolated);
		const screen = await session.waitFor(s => s.includes('Readiness for offline mode'), 30_000);
		expect(screen).toContain('[RW]');
		session.type('q');
		await session.waitFor(s => s.includes('EXITED 0'));
	}, 60_000);

	it('names an unknown OAG_THEME in the footer and draws with the default theme', async () => {
		session = startTmux(demo('OAG_THEME=solarized'), {columns: 120, rows: 36}, isolated);
		const screen = await session.waitFor(s => s.includes('Readiness for offline mode'), 30_000);
		expect(screen).toContain('unknown OAG_THEME "solarized": using dark; choose dark|light|high-contrast|no-color');
	}, 60_000);
});
