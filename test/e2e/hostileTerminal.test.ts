import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {BUNDLE, ROOT, runBundle, ensureFreshBundle} from '../helpers/bundle.js';
import {startHostileGateway, TERMINAL_ATTACK, type HostileGateway} from '../helpers/hostileGateway.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';

// Issue evidence: `status`, `status --json` and the TUI in a real terminal (tmux) against a hostile
// gateway over HTTPS that appends OSC 52, OSC 0, CSI, C1 CSI, bare CR, backspace, BEL and a bidi override
// to every string it returns. No ESC, BEL or C1 character and no bare CR reaches the terminal, the pane
// title and the paste buffers stay as they were, and the values are shown escaped, not lost.

// ESC, BEL, CR, backspace, C1, and the bidi override the attack carries.
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u001b\u0007\r\b\u0080-\u009f\u202e]/;
const SHOWN_ESCAPED = '\\u001b]52;c;cHduZWQ=\\u0007\\u001b]0;pwned\\u0007';

let sim: RunningSimulator;
let gateway: HostileGateway;
const home = mkdtempSync(join(tmpdir(), 'oag-hostile-term-'));
const caFile = join(home, 'gateway-ca.pem');
const env = {HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: join(home, 'data')};

beforeAll(async () => {
	ensureFreshBundle();
	sim = await startTestSimulator({http: true, idps: 2, apps: 3});
	gateway = await startHostileGateway(sim.url, {tls: true});
	writeFileSync(caFile, gateway.caPem!);
	gateway.set({escapes: true});
}, 120_000);
afterAll(async () => {
	await gateway?.close();
	await sim?.close();
	rmSync(home, {recursive: true, force: true});
});

const connection = () => ['--host', gateway.url, '--client-id', sim.clientId, '--key-file', sim.keyFile, '--ca-file', caFile];

describe('status against a hostile gateway', () => {
	it('text output: no terminal control in the raw bytes, the values shown escaped', async () => {
		const result = await runBundle(['status', ...connection()], env);
		const output = result.stdout + result.stderr;
		expect(result.stdout.length, output).toBeGreaterThan(0);
		expect(output).not.toMatch(TERMINAL_CONTROL);
		expect(result.stdout).toContain(SHOWN_ESCAPED);
	});

	it('--json: exact values, every control escaped by JSON, none raw on stdout', async () => {
		const result = await runBundle(['status', '--json', ...connection()], env);
		expect(result.stdout.length, result.stderr).toBeGreaterThan(0);
		// Raw bytes: no ESC, BEL, CR, backspace (JSON escapes C0) and no C1 or bidi override (jsonText).
		expect(result.stdout).not.toMatch(TERMINAL_CONTROL);
		const strings: string[] = [];
		JSON.parse(result.stdout, (_key, value: unknown) => {
			if (typeof value === 'string') strings.push(value);
			return value;
		});
		expect(strings.some(value => value.endsWith(TERMINAL_ATTACK)), result.stdout.slice(0, 400)).toBe(true);
	});
});

describe('the TUI against a hostile gateway', () => {
	let session: TmuxSession | undefined;
	afterEach(() => session?.kill());

	const tmux = (s: TmuxSession, ...args: string[]) => execFileSync('tmux', ['-L', s.socket, ...args], {encoding: 'utf8'});
	// tmux would take an OSC 52 write as a paste buffer and an OSC 0 as the pane title: let it, so that the
	// checks below would see an escape that got through (the control case shows they do).
	const permissive = (s: TmuxSession) => {
		tmux(s, 'set-option', '-g', 'set-clipboard', 'on');
		tmux(s, 'set-option', '-g', 'allow-rename', 'on');
	};
	const title = (s: TmuxSession) => tmux(s, 'display-message', '-p', '-t', 'e2e', '#{pane_title}').trim();
	const buffers = (s: TmuxSession) => tmux(s, 'list-buffers');

	it('the pane checks see an attack that is printed raw (control case)', async () => {
		session = startTmux(`sleep 0.5; printf '%s' "$ATTACK"; echo; echo DONE`, {columns: 100, rows: 20}, {ATTACK: TERMINAL_ATTACK});
		permissive(session);
		await session.waitFor(screen => screen.includes('DONE'));
		expect(title(session)).toBe('pwned');
		expect(buffers(session)).toMatch(/^buffer/);
	});

	it('dashboard, IdPs, Apps and an app screen show the values escaped; title and buffers unchanged', async () => {
		const s = startTmux(`cd ${ROOT} && ${process.execPath} ${BUNDLE} ${connection().join(' ')} 2>/dev/null`, {columns: 140, rows: 36}, env);
		session = s;
		permissive(s);
		const titleBefore = title(s);
		const check = (screen: string) => {
			expect(screen).not.toMatch(TERMINAL_CONTROL);
			expect(title(s)).toBe(titleBefore);
			expect(buffers(s)).toBe('');
		};
		check(await s.waitFor(screen => screen.includes('─ Dashboard') && screen.includes('\\u001b'), 30_000));

		s.type(':idps');
		s.sendKeys('Enter');
		const idps = await s.waitFor(screen => /─ .*IdPs ─/.test(screen) && /\d+ rows/.test(screen) && screen.includes('\\u001b'));
		check(idps);

		s.type(':apps');
		s.sendKeys('Enter');
		const apps = await s.waitFor(screen => /─ .*Apps ─/.test(screen) && /\d+ rows/.test(screen) && screen.includes('\\u001b'));
		check(apps);

		s.sendKeys('Enter');
		const item = await s.waitFor(screen => screen.includes('public domain') && screen.includes('\\u001b'));
		check(item);
		expect(item).toMatch(/name\s+\S*\\u001b\]52;c;cHduZWQ=\\u0007/);

		s.type('q');
		await s.waitFor(screen => screen.includes('EXITED'));
		check(s.capture());
	}, 90_000);
});
