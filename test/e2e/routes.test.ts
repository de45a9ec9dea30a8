import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {BUNDLE, ROOT, ensureFreshBundle} from '../helpers/bundle.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';

// The bundled binary in a real terminal: Enter on a dashboard readiness line opens that very item.


beforeAll(() => {
	ensureFreshBundle();
}, 120_000);

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

const demo = () => `cd ${ROOT} && ${process.execPath} ${BUNDLE} demo 2>/dev/null`;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** The readiness line under the cursor (drawn with a leading `>`): its subject, e.g. "IdP Okta Staging". */
function selectedSubject(screen: string): string | undefined {
	const line = screen.split('\n').find(l => l.startsWith('>'));
	return line ? /\[.\]\s+((?:IdP|App) .+?)\s{2,}/.exec(line)?.[1] : undefined;
}

describe('oag-offline demo: routes to one item', () => {
	it.each([
		{columns: 80, rows: 24},
		{columns: 120, rows: 36},
	])('Enter on a dashboard IdP line and on a dashboard app line lands on that very item ($columns x $rows)', async size => {
		session = startTmux(demo(), size);
		// Both the IdP and the app lines are in (they arrive in either order; the cursor follows its line).
		await session.waitFor(s => s.includes('Readiness for offline mode') && s.includes('] IdP ') && s.includes('] App '));

		// The second IdP line: not the first row of anything, so a list with row 0 selected would not pass.
		session.type('jjj');
		let screen = await session.waitFor(s => selectedSubject(s)?.startsWith('IdP ') === true);
		const idpSubject = selectedSubject(screen)!;
		const idpName = idpSubject.replace(/^IdP /, '');
		session.sendKeys('Enter');
		screen = await session.waitFor(s => s.includes('failover mode'));
		expect(screen).toContain(`IdP ${idpName}`);
		// The breadcrumb where the header has room; the 80-column header is checked by the layout's own tests.
		if (size.columns > 80) expect(screen).toContain(`Dashboard › IdPs › ${idpName}`);
		expect(screen).toContain('Health policy');
		expect(screen).toContain('Directories');

		// Esc alone (an Esc followed at once by a key reads as Meta+key in a terminal).
		session.sendKeys('Escape');
		await session.waitFor(s => s.includes('Readiness for offline mode'));
		await sleep(100);
		session.type('G');
		screen = await session.waitFor(s => selectedSubject(s)?.startsWith('App ') === true);
		const appName = selectedSubject(screen)!.replace(/^App /, '');
		session.sendKeys('Enter');
		screen = await session.waitFor(s => s.includes('offline state'));
		expect(screen).toContain(`App ${appName}`);
		if (size.columns > 80) expect(screen).toContain(`Dashboard › Apps › ${appName}`);
		expect(screen).toContain('public domain');
		expect(screen).not.toContain('Readiness for offline mode');
	}, 90_000);
});
