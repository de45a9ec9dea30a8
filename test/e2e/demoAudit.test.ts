import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, expect, it} from 'vitest';
import {AUDIT_FILE_NAME} from '../../source/audit/fileLog.js';
import {BUNDLE, ensureBundle, ROOT} from '../helpers/bundle.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';
import {toolsOrSkip} from '../helpers/tools.js';

// A change made in the demo is audited in memory: the :audit screen lists it, and this machine's audit
// file (the admin's real trail, where every real gateway's changes go) is never written.

const skip = toolsOrSkip(['tmux']);
const stateDir = mkdtempSync(join(tmpdir(), 'oag-demo-audit-'));
let session: TmuxSession | undefined;

beforeAll(() => ensureBundle(), 120_000);
afterEach(() => session?.kill());
afterAll(() => rmSync(stateDir, {recursive: true, force: true}));

it.skipIf(skip)('a failover change in the demo shows on :audit and never reaches the audit file', async () => {
	session = startTmux(`cd ${ROOT} && OAG_STATE_DIR=${stateDir} ${process.execPath} ${BUNDLE} demo 2>/dev/null`, {columns: 100, rows: 30});
	await session.waitFor(s => s.includes('Readiness for offline mode'), 30_000);
	session.type(':idps');
	session.sendKeys('Enter');
	await session.waitFor(s => /> .*Okta Production.*\[AUTOMATIC\]/.test(s) && /Okta Staging.*\[DISABLED\]/.test(s), 20_000);
	session.type('j');
	await session.waitFor(s => /> .*Okta Staging/.test(s));
	session.type('a');
	// Okta Staging has no directory: AUTOMATIC would find no users offline, so it is asked for by name.
	await session.waitFor(s => s.includes('Type AUTOMATIC'), 20_000);
	session.type('AUTOMATIC');
	session.sendKeys('Enter');
	await session.waitFor(s => /Okta Staging.*\[AUTOMATIC\]/.test(s), 20_000);

	session.type(':audit');
	session.sendKeys('Enter');
	const screen = await session.waitFor(s => s.includes('Audit log') && /1 rows?/.test(s) && s.includes('Okta Staging'), 20_000);
	expect(screen).toMatch(/AUTOMATIC/);
	expect(existsSync(join(stateDir, AUDIT_FILE_NAME))).toBe(false);
}, 90_000);
