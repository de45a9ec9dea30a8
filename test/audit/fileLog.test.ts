import {spawn} from 'node:child_process';
import {appendFile, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {AuditEntry} from '../../source/audit/entry.js';
import {auditFilePath, auditLine, fileAuditLog} from '../../source/audit/fileLog.js';
import {oagPaths} from '../../source/config/paths.js';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'oag-audit-test-'));
});
afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});

const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
	time: '2026-12-02T08:00:00.000Z',
	profile: 'prod',
	gateway: 'oag.example.com',
	user: 'alice',
	action: 'idps.failover',
	target: {kind: 'idp', id: 'idp-1', name: 'Corp'},
	requested: {mode: 'AUTOMATIC'},
	outcome: 'ok',
	...overrides,
});

const WORKER = path.join(import.meta.dirname, 'appendWorker.ts');

function runWorker(args: string[]): Promise<number | null> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], {stdio: ['ignore', 'ignore', 'inherit']});
		child.on('error', reject);
		child.on('close', resolve);
	});
}

describe('audit file', () => {
	it('lives in the XDG state dir, which XDG_STATE_HOME moves', () => {
		const saved = process.env.XDG_STATE_HOME;
		process.env.XDG_STATE_HOME = '/xdg/state';
		try {
			if (process.platform === 'linux') expect(auditFilePath(oagPaths({}))).toBe('/xdg/state/oag-offline/audit.jsonl');
		} finally {
			if (saved === undefined) delete process.env.XDG_STATE_HOME;
			else process.env.XDG_STATE_HOME = saved;
		}
	});

	it('creates the file 0600 in a 0700 dir, and tightens a file that was wider', async () => {
		const file = path.join(dir, 'modes', 'state', 'audit.jsonl');
		const log = fileAuditLog(file);
		expect(await log.append(entry())).toEqual({written: true});
		expect((await stat(file)).mode & 0o777).toBe(0o600);
		expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
		const wide = path.join(dir, 'wide.jsonl');
		await writeFile(wide, '', {mode: 0o644});
		await fileAuditLog(wide).append(entry());
		expect((await stat(wide)).mode & 0o777).toBe(0o600);
		expect((await log.read()).entries).toEqual([entry()]);
	});

	it('keeps every line whole when several processes append at once', async () => {
		const file = path.join(dir, 'concurrent', 'audit.jsonl');
		const writers = ['w1', 'w2', 'w3'];
		// Lines of about 16 KB: far above what one write of a naive stream would keep together.
		const codes = await Promise.all(writers.map(w => runWorker([file, w, '150', '16000'])));
		expect(codes).toEqual([0, 0, 0]);
		const read = await fileAuditLog(file).read();
		expect(read.skipped).toBe(0);
		expect(read.entries).toHaveLength(450);
		for (const w of writers) expect(read.entries.filter(e => e.profile === w)).toHaveLength(150);
		const text = await readFile(file, 'utf8');
		expect(text.split('\n').filter(Boolean).every(line => line.startsWith('{"time":') && line.endsWith('}'))).toBe(true);
	});

	it('reads past a torn last line, and past the line an append glued onto it', async () => {
		const file = path.join(dir, 'torn.jsonl');
		const whole = auditLine(entry({target: {kind: 'idp', id: 'first'}}));
		await writeFile(file, whole + auditLine(entry()).slice(0, 40), {mode: 0o600});
		const log = fileAuditLog(file);
		expect(await log.read()).toMatchObject({entries: [{target: {id: 'first'}}], skipped: 1});
		await log.append(entry({target: {kind: 'idp', id: 'after-crash'}}));
		const read = await log.read();
		expect(read.entries.map(e => e.target.id)).toEqual(['first', 'after-crash']);
		await appendFile(file, 'not json at all\n');
		expect((await log.read()).skipped).toBe(1);
	});

	it('never writes a secret: by field name, by known value, and anything shaped like a key or a token', async () => {
		const file = path.join(dir, 'secrets.jsonl');
		const bind = 'S3cret-bind-pw!';
		const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXZhbHVl';
		const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
		const log = fileAuditLog(file);
		await log.append(
			entry({
				requested: {connection: {bindDn: 'cn=reader', bindCredential: bind}, password: 'db-password-1', clientSecret: 'cs-1234567'},
				before: {note: `was ${bind}`, key: pem},
				error: `refused token ${jwt} for ${bind}`,
				outcome: 'failed',
			}),
			[bind],
		);
		const text = await readFile(file, 'utf8');
		for (const secret of [bind, 'db-password-1', 'cs-1234567', jwt, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC']) expect(text).not.toContain(secret);
		const [line] = (await log.read()).entries;
		expect(line).toMatchObject({requested: {connection: {bindDn: 'cn=reader', bindCredential: '[REDACTED]'}, password: '[REDACTED]'}});
		expect(line?.error).toBe('refused token [REDACTED] for [REDACTED]');
	});
});
