import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {displayWidth} from '../../source/ui/format/width.js';
import {BUNDLE, ROOT, spawnSimulatorProcess, ensureFreshBundle} from '../helpers/bundle.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';

// The app policy form of the real bundle at exactly 80x24, in both policy eras: the access-policy picker
// (the demo, the newest gateway) and the group-name list (a 2026.03.0 simulator as its own process) with a
// dozen groups typed in. Every frame fits: no line wider than 80, nothing wrapped, the footer's keys shown.

const SIZE = {columns: 80, rows: 24};


beforeAll(() => {
	ensureFreshBundle();
}, 120_000);

let session: TmuxSession | undefined;
let simulator: Awaited<ReturnType<typeof spawnSimulatorProcess>> | undefined;
const home = mkdtempSync(join(tmpdir(), 'oag-app-policy-'));
const isolated = {HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: join(home, 'data')};
afterEach(() => session?.kill());
afterAll(async () => {
	await simulator?.stop();
	rmSync(home, {recursive: true, force: true});
});

/** Nothing wider than the terminal (a wrapped line comes back joined, too long), the footer in its place. */
async function expectFits(s: TmuxSession): Promise<string[]> {
	// A capture can land while tmux is still drawing a frame (its bottom rows not yet written): wait for the footer.
	await s.waitFor(screen => (screen.split('\n')[SIZE.rows - 2] ?? '').includes('ctrl+s save'));
	const lines = s.joinedLines();
	const text = lines.join('\n');
	expect(lines.length, text).toBeLessThanOrEqual(SIZE.rows);
	for (const line of lines) expect(displayWidth(line), `wider than ${SIZE.columns}: ${line}`).toBeLessThanOrEqual(SIZE.columns);
	// The frame is one row short of the terminal; its last line is the footer's key hints, under a rule.
	expect(lines[SIZE.rows - 3]!.startsWith('─'), text).toBe(true);
	expect(lines[SIZE.rows - 2], text).toContain('ctrl+s save');
	return lines;
}

async function openAppForm(s: TmuxSession, app: string, heading: string): Promise<void> {
	await s.waitFor(screen => /Readiness for offline mode: \d+\/\d+ done/.test(screen) && screen.includes(`App ${app}`), 30_000);
	s.type(`:app ${app}`);
	s.sendKeys('Enter');
	await s.waitFor(screen => screen.includes(`App ${app}`) && screen.includes('offline sign-in with'), 20_000);
	await s.waitFor(screen => screen.includes('e groups/policy'));
	s.type('e');
	await s.waitFor(screen => screen.includes(heading), 20_000);
}

describe('app policy form at 80x24', () => {
	it('access-policy era (demo): the picker fits, empty or not, and saving returns to the app, which names the policy', async () => {
		session = startTmux(`cd ${ROOT} && ${process.execPath} ${BUNDLE} demo 2>/dev/null`, SIZE, isolated);
		// Wiki's IdP has no access policy yet: the picker says so, within the line.
		await openAppForm(session, 'Wiki', 'offline: access policy');
		await session.waitFor(screen => screen.includes('none on this IdP yet'));
		expect((await expectFits(session)).some(line => line.startsWith('> Access policy'))).toBe(true);
		session.sendKeys('Escape');
		await session.waitFor(screen => screen.includes('App Wiki') && screen.includes('offline sign-in with'));
		session.sendKeys('Escape');
		// Payroll Portal's IdP (the first, set up as after the guide) has its default policy.
		await openAppForm(session, 'Payroll Portal', 'offline: access policy');
		await session.waitFor(screen => screen.includes('none picked') || screen.includes('‹ Default offline policy'));
		await expectFits(session);
		if (!session.capture().includes('‹ Default offline policy')) session.sendKeys('Right');
		await session.waitFor(screen => screen.includes('‹ Default offline policy (default)'));
		await expectFits(session);
		session.sendKeys('C-s');
		const app = await session.waitFor(screen => screen.includes('App Payroll Portal') && /access policy\s+Default offline policy \(/.test(screen), 20_000);
		expect(app).toContain('-> Default offline policy: done and'); // the message line, cut at 80 columns
	}, 120_000);

	it('group era (2026.03.0): a dozen groups typed in, every frame fits, the app shows them after saving', async () => {
		simulator = await spawnSimulatorProcess(['--gateway-version', '2026.03.0']);
		const {url, clientId, keyFile, caFile} = simulator.line;
		session = startTmux(`cd ${ROOT} && ${process.execPath} ${BUNDLE} --host ${url} --client-id ${clientId} --key-file ${keyFile} --ca-file ${caFile} 2>/dev/null`, SIZE, isolated);
		await openAppForm(session, 'Wiki', 'offline: group names');
		await expectFits(session);
		const groups = Array.from({length: 12}, (_, i) => `offline-group-${String(i + 1).padStart(2, '0')}`);
		for (const group of groups) {
			session.type(group);
			session.sendKeys('Enter');
			await session.waitFor(screen => screen.includes(` ${group}`));
			await expectFits(session);
		}
		session.sendKeys('C-s');
		const app = await session.waitFor(screen => screen.includes('App Wiki') && screen.includes('offline-group-01, offline-group-02'), 20_000);
		expect(app).not.toContain('Who may sign in');
		await expectAppScreenFits(session);
	}, 120_000);
});

/** The app screen after saving: it fits too (its footer has other keys than the form's). */
async function expectAppScreenFits(s: TmuxSession): Promise<void> {
	await s.waitFor(screen => (screen.split('\n')[SIZE.rows - 2] ?? '').includes('? help'));
	const lines = s.capture().replace(/\n$/, '').split('\n');
	for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(SIZE.columns);
	expect(lines[SIZE.rows - 2]).toContain('? help');
}
