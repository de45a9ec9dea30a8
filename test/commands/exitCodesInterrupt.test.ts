import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {BUNDLE, ensureBundle} from '../helpers/bundle.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';
import {toolsOrSkip} from '../helpers/tools.js';
import {failoverPosts, simWithClient, type SimClient} from '../operations/support.js';

// Exit 130 (README "Exit codes"): Ctrl-C at a prompt, at a real terminal (tmux). The typed confirmation is
// read in cooked mode (the terminal sends SIGINT); the key prompt is read in raw mode (Ctrl-C is a byte).

const skip = toolsOrSkip(['tmux']);
let env: SimClient;
let dir: string;
let session: TmuxSession | undefined;

beforeAll(async () => {
	if (skip) return;
	ensureBundle();
	env = await simWithClient({http: true});
	dir = await mkdtemp(path.join(tmpdir(), 'oag-interrupt-'));
});
afterEach(() => session?.kill());
afterAll(async () => {
	await env?.close();
	if (dir) await rm(dir, {recursive: true, force: true});
});

// The shell traps SIGINT (a handler, which its children do not inherit) so that it survives the Ctrl-C sent
// to the foreground process group and prints the program's exit status.
const run = (args: string) => `trap true INT; OAG_CONFIG_DIR=${path.join(dir, 'config')} ${process.execPath} ${BUNDLE} ${args}`;

describe.skipIf(skip)('Ctrl-C at a prompt exits 130', () => {
	it('idps failover DISABLED, waiting for the typed word: nothing is sent', async () => {
		const idpId = (await env.client.idps.list())[0]!.id;
		await env.client.idps.setFailoverMode(idpId, 'AUTOMATIC');
		env.sim.control.resetCounters();
		session = startTmux(run(`idps failover ${idpId} DISABLED --host ${env.sim.url} --client-id ${env.sim.clientId} --key-file ${env.sim.keyFile}`), {columns: 120, rows: 20});
		await session.waitFor(s => s.includes('Type DISABLED to confirm'));
		session.type('DISA');
		session.sendKeys('C-c');
		await session.waitFor(s => s.includes('EXITED 130'));
		expect(failoverPosts(env.sim)).toBe(0);
		expect((await env.client.idps.getFailoverMode(idpId)).mode).toBe('AUTOMATIC');
	});

	it("login's hidden key prompt: no profile is saved", async () => {
		session = startTmux(run(`login --host ${env.sim.url} --client-id ${env.sim.clientId} --backend plaintext --insecure-storage`), {columns: 120, rows: 20});
		await session.waitFor(s => s.includes('Paste the private key'));
		session.type('-----BEGIN PRIVATE KEY-----');
		session.sendKeys('C-c');
		await session.waitFor(s => s.includes('EXITED 130'));
		expect(session.capture()).toContain('interrupted');
		session.kill();
		session = startTmux(run('profile list'), {columns: 120, rows: 20});
		await session.waitFor(s => s.includes('EXITED 0'));
		expect(session.capture()).not.toContain(new URL(env.sim.url).hostname);
	});

	it('Ctrl+C in the TUI (demo) exits 130 and leaves the alternate screen; q still quits with 0', async () => {
		session = startTmux(run('demo'), {columns: 100, rows: 30});
		await session.waitFor(s => s.includes('Demo: a simulated gateway'));
		session.sendKeys('C-c');
		const screen = await session.waitFor(s => s.includes('EXITED 130'));
		expect(screen).not.toContain('Demo: a simulated gateway');
		session.kill();
		session = startTmux(run('demo'), {columns: 100, rows: 30});
		await session.waitFor(s => s.includes('Demo: a simulated gateway'));
		session.type('q');
		await session.waitFor(s => s.includes('EXITED 0'));
	});
});
