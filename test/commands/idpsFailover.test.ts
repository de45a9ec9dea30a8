import {mkdtemp, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {auditFilePath, fileAuditLog} from '../../source/audit/fileLog.js';
import type {Idp} from '../../source/api/schemas/index.js';
import {oagPaths} from '../../source/config/paths.js';
import {failoverPosts, simWithClient, type SimClient} from '../operations/support.js';
import {runInProcess} from './cliInProcess.js';

// `idps failover` and `idps list` in-process against the simulator, with the audit file in a temp state dir.

let env: SimClient;
let dir: string;
let savedConfigDir: string | undefined;
let idp: Idp;
let target: string[];

const auditFile = () => auditFilePath(oagPaths());
const auditLines = async () => (await fileAuditLog(auditFile()).read()).entries;
const mode = async () => (await env.client.idps.getFailoverMode(idp.id)).mode;

beforeAll(async () => {
	env = await simWithClient();
	dir = await mkdtemp(path.join(tmpdir(), 'oag-idps-cmd-'));
	savedConfigDir = process.env.OAG_CONFIG_DIR;
	process.env.OAG_CONFIG_DIR = dir;
	idp = (await env.client.idps.list())[0]!;
	target = ['--host', env.sim.url, '--client-id', env.sim.clientId, '--key-file', env.sim.keyFile, '--ca-file', env.sim.caFile!];
});
afterAll(async () => {
	if (savedConfigDir === undefined) delete process.env.OAG_CONFIG_DIR;
	else process.env.OAG_CONFIG_DIR = savedConfigDir;
	await env?.close();
	await rm(dir, {recursive: true, force: true});
});
beforeEach(async () => {
	await rm(auditFile(), {force: true});
	await env.client.idps.setFailoverMode(idp.id, 'DISABLED');
	env.sim.control.resetCounters();
});

describe('oag-offline idps failover', () => {
	it('sets AUTOMATIC by unique name, verifies it, and appends exactly one audit line to a 0600 file', async () => {
		const result = await runInProcess(['idps', 'failover', idp.name.toLowerCase(), 'automatic', ...target]);
		expect(result).toMatchObject({code: 0, stderr: ''});
		expect(result.stdout).toContain(`failover of ${idp.name} -> AUTOMATIC: done and verified`);
		expect(await mode()).toBe('AUTOMATIC');
		expect(failoverPosts(env.sim)).toBe(1);
		const lines = await auditLines();
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({
			action: 'idps.failover',
			via: 'cli',
			profile: '(from flags)',
			gateway: new URL(env.sim.url).host,
			target: {kind: 'idp', id: idp.id, name: idp.name},
			before: {mode: 'DISABLED'},
			after: {mode: 'AUTOMATIC'},
			outcome: 'ok',
		});
		expect(lines[0]!.user).toBeTruthy();
		expect((await stat(auditFile())).mode & 0o777).toBe(0o600);
		expect((await stat(path.dirname(auditFile()))).mode & 0o777).toBe(0o700);
	});

	it('DISABLED without --yes and without a terminal is refused with exit 2 before anything is sent', async () => {
		await env.client.idps.setFailoverMode(idp.id, 'AUTOMATIC');
		env.sim.control.resetCounters();
		const result = await runInProcess(['idps', 'failover', idp.id, 'DISABLED', ...target]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/pass --yes/);
		expect(failoverPosts(env.sim)).toBe(0);
		expect(await mode()).toBe('AUTOMATIC');
	});

	it('DISABLED with --yes --json prints the outcome as JSON and appends one line', async () => {
		await env.client.idps.setFailoverMode(idp.id, 'AUTOMATIC');
		const result = await runInProcess(['idps', 'failover', idp.id, 'DISABLED', '--yes', '--json', ...target]);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({ok: true, outcome: 'ok', verified: true, before: {mode: 'AUTOMATIC'}, after: {mode: 'DISABLED'}});
		expect(await auditLines()).toMatchObject([{outcome: 'ok', after: {mode: 'DISABLED'}}]);
	});

	it('in read-only mode sends nothing, exits 1 and appends a refused line', async () => {
		const result = await runInProcess(['idps', 'failover', idp.id, 'AUTOMATIC', '--read-only', ...target]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/refused, read-only mode/);
		expect(failoverPosts(env.sim)).toBe(0);
		expect(await mode()).toBe('DISABLED');
		expect(await auditLines()).toMatchObject([{outcome: 'refused', requested: {mode: 'AUTOMATIC'}}]);
	});

	it('--dry-run prints the request and sends nothing, writes no audit line, needs no --yes', async () => {
		await env.client.idps.setFailoverMode(idp.id, 'AUTOMATIC');
		env.sim.control.resetCounters();
		const text = await runInProcess(['idps', 'failover', idp.id, 'DISABLED', '--dry-run', ...target]);
		expect(text.code).toBe(0);
		expect(text.stdout).toBe(`Dry run: this request was not sent.\nPOST /api/v2/idps/${idp.id}/offline-mode\n{\n  "mode": "DISABLED"\n}\n`);
		const json = await runInProcess(['idps', 'failover', idp.id, 'DISABLED', '--dry-run', '--json', ...target]);
		expect(json.stdout.trim().split('\n')).toHaveLength(1);
		expect(JSON.parse(json.stdout)).toEqual({dryRun: true, requests: [{method: 'POST', path: `/api/v2/idps/${idp.id}/offline-mode`, body: {mode: 'DISABLED'}}]});
		expect(failoverPosts(env.sim)).toBe(0);
		expect(await auditLines()).toEqual([]);
	});

	it('usage errors exit 2: an unknown IdP (listing the known ones) and an unknown mode', async () => {
		const unknown = await runInProcess(['idps', 'failover', 'No Such IdP', 'AUTOMATIC', ...target]);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('no IdP with the id or name "No Such IdP"');
		const json = await runInProcess(['idps', 'failover', 'No Such IdP', 'AUTOMATIC', '--json', ...target]);
		expect(json).toMatchObject({code: 2, stdout: ''});
		expect(JSON.parse(json.stderr)).toMatchObject({error: {kind: 'not-found', message: expect.stringContaining('No Such IdP')}});
		const badMode = await runInProcess(['idps', 'failover', idp.id, 'SOMETIMES', ...target]);
		expect(badMode.code).toBe(2);
		expect(failoverPosts(env.sim)).toBe(0);
		expect(await auditLines()).toEqual([]);
	});

	it('a change whose audit line cannot be written still reports its outcome, with a warning', async () => {
		const notADir = path.join(dir, 'state-is-a-file');
		await writeFile(notADir, '');
		process.env.OAG_STATE_DIR = notADir;
		try {
			const text = await runInProcess(['idps', 'failover', idp.id, 'AUTOMATIC', ...target]);
			expect(text.code).toBe(0);
			expect(text.stdout).toMatch(/done and verified\. WARNING: the audit line could not be written .*\((EEXIST|ENOTDIR)\)/);
			const json = await runInProcess(['idps', 'failover', idp.id, 'DISABLED', '--yes', '--json', ...target]);
			expect(json.code).toBe(0);
			expect(JSON.parse(json.stdout)).toMatchObject({ok: true, after: {mode: 'DISABLED'}, auditWarning: expect.stringMatching(/EEXIST|ENOTDIR/)});
			expect(JSON.parse(json.stderr)).toEqual({warning: expect.stringMatching(/^the audit line could not be written/)});
		} finally {
			delete process.env.OAG_STATE_DIR;
		}
		expect(await mode()).toBe('DISABLED');
	});

	it('--file BODY.json gives the mode; the argument overrides the file; a bad body is a usage error before any request', async () => {
		const body = path.join(dir, 'failover.json');
		await writeFile(body, JSON.stringify({mode: 'AUTOMATIC'}));
		const fromFile = await runInProcess(['idps', 'failover', idp.id, '--file', body, ...target]);
		expect(fromFile.code).toBe(0);
		expect(await mode()).toBe('AUTOMATIC');
		const overridden = await runInProcess(['idps', 'failover', idp.id, 'DISABLED', '--file', body, '--dry-run', '--json', ...target]);
		expect(JSON.parse(overridden.stdout)).toMatchObject({requests: [{body: {mode: 'DISABLED'}}]});
		await writeFile(body, JSON.stringify({mode: 'SOMETIMES'}));
		env.sim.control.resetCounters();
		const bad = await runInProcess(['idps', 'failover', idp.id, '--file', body, ...target]);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/failover\.json and flags\) is not a valid request: mode/);
		const none = await runInProcess(['idps', 'failover', idp.id, ...target]);
		expect(none.code).toBe(2);
		expect(env.sim.control.counters().requests).toBe(0);
	});

	it('a refused change under --json is a JSON error on stderr with an empty stdout', async () => {
		const result = await runInProcess(['idps', 'failover', idp.id, 'AUTOMATIC', '--read-only', '--json', ...target]);
		expect(result).toMatchObject({code: 1, stdout: ''});
		expect(JSON.parse(result.stderr)).toEqual({error: {kind: 'refused', message: expect.stringMatching(/refused, read-only mode/)}});
	});

	it('idps list prints one line per IdP with its mode; --json one line', async () => {
		const text = await runInProcess(['idps', 'list', ...target]);
		expect(text.code).toBe(0);
		expect(text.stdout).toContain(`IdP ${idp.name} (${idp.id})  ${idp.type}  [DISABLED]\n`);
	});

	it('idps list --json shows every IdP with its failover mode', async () => {
		const result = await runInProcess(['idps', 'list', '--json', ...target]);
		expect(result.code).toBe(0);
		const rows = JSON.parse(result.stdout);
		expect(rows).toContainEqual({id: idp.id, name: idp.name, type: idp.type, failoverMode: 'DISABLED'});
		expect(rows).toHaveLength((await env.client.idps.list()).length);
	});
});
