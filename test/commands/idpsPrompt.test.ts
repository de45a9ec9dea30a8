import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {auditFilePath, fileAuditLog} from '../../source/audit/fileLog.js';
import {oagPaths} from '../../source/config/paths.js';
import {BUNDLE, ensureBundle} from '../helpers/bundle.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';
import {toolsOrSkip} from '../helpers/tools.js';
import {failoverPosts, simWithClient, type SimClient} from '../operations/support.js';

// `idps failover IDP DISABLED` at a real terminal (tmux): the typed confirmation is asked on the terminal,
// a wrong word sends nothing and is recorded as not confirmed, the right word goes through.

const skip = toolsOrSkip(['tmux']);
let env: SimClient;
let dir: string;
let session: TmuxSession | undefined;
let idpId: string;

beforeAll(async () => {
	if (skip) return;
	ensureBundle();
	env = await simWithClient({http: true});
	idpId = (await env.client.idps.list())[0]!.id;
	dir = await mkdtemp(path.join(tmpdir(), 'oag-idps-prompt-'));
});
afterEach(() => session?.kill());
afterAll(async () => {
	await env?.close();
	if (dir) await rm(dir, {recursive: true, force: true});
});

const command = (configDir: string) =>
	`OAG_CONFIG_DIR=${configDir} ${process.execPath} ${BUNDLE} idps failover ${idpId} DISABLED --host ${env.sim.url} --client-id ${env.sim.clientId} --key-file ${env.sim.keyFile}`;

describe.skipIf(skip)('idps failover DISABLED at a terminal', () => {
	it('a wrong word sends nothing (not-confirmed line, exit 1); DISABLED goes through (ok line, exit 0)', async () => {
		const configDir = path.join(dir, 'config');
		const lines = async () => (await fileAuditLog(auditFilePath(oagPaths({OAG_CONFIG_DIR: configDir}))).read()).entries;
		await env.client.idps.setFailoverMode(idpId, 'AUTOMATIC');
		env.sim.control.resetCounters();

		session = startTmux(command(configDir), {columns: 120, rows: 20});
		await session.waitFor(s => s.includes('Type DISABLED to confirm'));
		expect(failoverPosts(env.sim)).toBe(0);
		session.type('disabled');
		session.sendKeys('Enter');
		await session.waitFor(s => s.includes('EXITED 1'));
		expect(session.capture()).toContain('not confirmed; nothing was changed');
		expect(failoverPosts(env.sim)).toBe(0);
		expect((await lines()).map(l => l.outcome)).toEqual(['not-confirmed']);
		session.kill();

		session = startTmux(command(configDir), {columns: 120, rows: 20});
		await session.waitFor(s => s.includes('Type DISABLED to confirm'));
		session.type('DISABLED');
		session.sendKeys('Enter');
		await session.waitFor(s => s.includes('EXITED 0'));
		expect(session.capture()).toContain('DISABLED: done and verified');
		expect((await env.client.idps.getFailoverMode(idpId)).mode).toBe('DISABLED');
		expect((await lines()).map(l => l.outcome)).toEqual(['not-confirmed', 'ok']);
	});
});
