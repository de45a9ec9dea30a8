import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {AuditEntry} from '../../source/audit/entry.js';
import {auditFilePath, fileAuditLog} from '../../source/audit/fileLog.js';
import {oagPaths} from '../../source/config/paths.js';
import {runInProcess} from './cliInProcess.js';

// `oag-offline audit` reads this machine's log; no gateway is involved.

let dir: string;
let savedConfigDir: string | undefined;

const entry = (minutesAgo: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
	time: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
	profile: 'prod',
	gateway: 'oag.example.com',
	user: 'alice',
	action: 'idps.failover',
	target: {kind: 'idp', id: 'idp-1', name: 'Corp'},
	via: 'cli',
	requested: {mode: 'AUTOMATIC'},
	before: {mode: 'DISABLED'},
	after: {mode: 'AUTOMATIC'},
	outcome: 'ok',
	...overrides,
});

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'oag-audit-cmd-'));
	savedConfigDir = process.env.OAG_CONFIG_DIR;
	process.env.OAG_CONFIG_DIR = dir;
	const log = fileAuditLog(auditFilePath(oagPaths()));
	await log.append(entry(3 * 24 * 60, {target: {kind: 'idp', id: 'old'}}));
	await log.append(entry(90, {outcome: 'refused', before: undefined, after: undefined, target: {kind: 'idp', id: 'idp-2', name: 'Lab\u001b[31m'}}));
	await log.append(entry(5, {outcome: 'failed', after: undefined, error: 'gateway answered 500'}));
});
afterAll(async () => {
	if (savedConfigDir === undefined) delete process.env.OAG_CONFIG_DIR;
	else process.env.OAG_CONFIG_DIR = savedConfigDir;
	await rm(dir, {recursive: true, force: true});
});

describe('oag-offline audit', () => {
	it('prints every line, oldest first, with the change and its outcome, and no escape sequences', async () => {
		const result = await runInProcess(['audit']);
		expect(result.code).toBe(0);
		const lines = result.stdout.trim().split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toContain('idp old');
		expect(lines[1]).toMatch(/alice@prod oag\.example\.com {2}idps\.failover {2}idp Lab\\u001b\[31m \(idp-2\) {2}-> AUTOMATIC \(requested\) {2}\[refused\]/);
		expect(lines[2]).toMatch(/DISABLED -> AUTOMATIC \(requested\) {2}\[failed\] {2}gateway answered 500/);
		expect(result.stdout).not.toContain('\u001b');
	});

	it('--since keeps the window; --json prints the entries', async () => {
		const result = await runInProcess(['audit', '--since', '2h', '--json']);
		expect(result.code).toBe(0);
		const entries = JSON.parse(result.stdout) as AuditEntry[];
		expect(entries.map(e => e.outcome)).toEqual(['refused', 'failed']);
		expect((await runInProcess(['audit', '--since', '30m', '--json'])).stdout).toContain('"failed"');
		expect(JSON.parse((await runInProcess(['audit', '--since', '1m', '--json'])).stdout)).toEqual([]);
	});

	it('a malformed duration is a usage error (exit 2)', async () => {
		for (const bad of ['5x', '2', 'soon']) {
			const result = await runInProcess(['audit', '--since', bad]);
			expect(result.code, bad).toBe(2);
			expect(result.stderr).toMatch(/duration like 30m/);
		}
	});
});
