import {execFileSync, spawnSync} from 'node:child_process';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {BUNDLE, ROOT, ensureFreshBundle} from '../helpers/bundle.js';
import {hasColourEscapes, startTmux, type TmuxSession} from '../helpers/tmux.js';

// The real bundled binary in a real terminal (tmux): what an admin sees after `npx oag-offline demo`.


beforeAll(() => {
	ensureFreshBundle();
}, 120_000);

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

const demo = (args = '', env = '') => `cd ${ROOT} && ${env} ${process.execPath} ${BUNDLE} demo ${args} 2>/dev/null`;

describe('oag-offline demo in a terminal', () => {
	it('shows the dashboard, the help, :health HEALTHY, redraws on resize and leaves cleanly on q', async () => {
		session = startTmux(demo(), {columns: 100, rows: 30});
		let screen = await session.waitFor(s => s.includes('Readiness for offline mode') && s.includes('App '));
		expect(screen).toContain('profile demo');
		expect(screen).toContain('[RW]');
		expect(screen).toContain('[CONNECTED]');
		expect(screen).toMatch(/\[x\] Authentication service\s/);
		expect(screen).toContain('? help');

		session.type('?');
		screen = await session.waitFor(s => s.includes('Keys and commands'));
		for (const text of [':help', ':refresh', ':dashboard', ':health', 'Esc', ':q', 'leave oag-offline']) expect(screen).toContain(text);
		session.sendKeys('Escape');
		await session.waitFor(s => !s.includes('Keys and commands') && s.includes('Readiness'));

		session.resize(120, 40);
		await session.waitFor(s => s.split('\n').some(line => line === '─'.repeat(120)));
		session.resize(70, 20);
		await session.waitFor(s => s.includes('The terminal is 70x20') && s.includes('needs at least 80x24'));
		session.resize(100, 30);
		await session.waitFor(s => s.includes('Readiness') && s.split('\n').some(line => line === '─'.repeat(100)));

		session.type(':health');
		session.sendKeys('Enter');
		screen = await session.waitFor(s => s.includes('[HEALTHY] normal operation'));
		expect(screen).toContain('Dashboard › Health');
		expect(screen).toContain('IdP failover');

		session.type('q');
		screen = await session.waitFor(s => s.includes('EXITED 0'));
		expect(screen).not.toContain('Readiness'); // the alternate screen is gone, the shell is back
	}, 90_000);

	it('with --scenario outage turns UNHEALTHY and shows the failure streak', async () => {
		session = startTmux(demo('--scenario outage', 'OAG_DEMO_OUTAGE_AFTER=2'), {columns: 100, rows: 30});
		await session.waitFor(s => s.includes('Readiness'));
		session.type(':health');
		session.sendKeys('Enter');
		await session.waitFor(s => s.includes('Authentication service health'));
		session.type('++'); // every 10 s -> 5 s -> 2 s (the floor)
		await session.waitFor(s => s.includes('every 2s'));
		const screen = await session.waitFor(s => s.includes('[UNHEALTHY]') && s.includes('[FAILING]'), 30_000);
		expect(screen).toContain('may be non-operational');
		expect(screen).toMatch(/\[FAILING\] \d+ checks? not HEALTHY since \d\d:\d\d:\d\d/);
		expect(screen).toContain('▁'); // the timeline shows the unhealthy checks
	}, 90_000);

	it('prints no colour escapes with NO_COLOR=1 or --no-color, and colours without', async () => {
		session = startTmux(demo(), {columns: 100, rows: 30});
		const coloured = await session.waitFor(s => s.includes('Readiness') && s.includes('App '), 15_000, {escapes: true});
		expect(hasColourEscapes(coloured)).toBe(true);
		session.kill();

		for (const [args, env] of [['', 'NO_COLOR=1'], ['--no-color', '']] as const) {
			session = startTmux(demo(args, env), {columns: 100, rows: 30});
			await session.waitFor(s => s.includes('Readiness') && s.includes('App '));
			session.type(':health');
			session.sendKeys('Enter');
			const screen = await session.waitFor(s => s.includes('[HEALTHY]'), 15_000, {escapes: true});
			expect(hasColourEscapes(screen), `${env} ${args}`).toBe(false);
			session.kill();
		}
	}, 150_000);
});

describe('oag-offline when its terminal goes away', () => {
	const alive = (pid: number) => {
		try {
			process.kill(pid, 0);
			return true;
		} catch {
			return false;
		}
	};

	it('exits when the terminal closes (a dropped SSH session), instead of spinning on a dead TTY', async () => {
		// stderr stays on the terminal too, as in a real session: writes to it fail as well once it is gone.
		session = startTmux(`cd ${ROOT} && ${process.execPath} ${BUNDLE} demo`, {columns: 100, rows: 30});
		await session.waitFor(s => s.includes('Readiness') && s.includes('App '));
		const shellPid = Number(execFileSync('tmux', ['-L', session.socket, 'list-panes', '-t', 'e2e', '-F', '#{pane_pid}'], {encoding: 'utf8'}).trim());
		const tuiPid = Number(execFileSync('pgrep', ['-P', String(shellPid), '-f', 'demo'], {encoding: 'utf8'}).trim().split('\n')[0]);
		expect(alive(tuiPid)).toBe(true);
		session.kill(); // the pty closes: SIGHUP, then EIO on every write
		const deadline = Date.now() + 10_000;
		while (alive(tuiPid) && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 100));
		const survived = alive(tuiPid);
		if (survived) process.kill(tuiPid, 'SIGKILL');
		expect(survived).toBe(false);
	}, 60_000);
});

describe('oag-offline without a terminal', () => {
	it('refuses to start the TUI when stdin is piped, says to use ssh -t or a subcommand, exit 2', () => {
		const env = {...process.env};
		delete env.CI;
		const result = spawnSync('sh', ['-c', `echo | ${process.execPath} ${BUNDLE} demo`], {encoding: 'utf8', env});
		expect(result.status).toBe(2);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).toContain('ssh -t');
		expect(result.stderr).toContain('subcommand');
		expect(result.stdout).toBe('');
	}, 60_000);
});
