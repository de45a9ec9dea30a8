import {randomBytes} from 'node:crypto';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {optionAfter} from '../../source/commands/authServiceCheckDb.js';
import {mariadbAvailable, startMariaDb, type MariaDb} from '../helpers/mariadb.js';
import {runInProcess, type InProcessOptions, type InProcessResult} from './inProcess.js';

// `auth-service check-db` in-process against a real MariaDB: the steps on stderr as they run, the verdict
// (or the JSON report) on stdout, exit 1 when a step fails, and the password in none of it.
vi.setConfig({testTimeout: 30_000, hookTimeout: 120_000});

const available = mariadbAvailable();
const password = `pw-${randomBytes(9).toString('hex')}`;
let db: MariaDb;
const results: InProcessResult[] = [];

async function run(args: string[], options: InProcessOptions & {env?: string} = {}): Promise<InProcessResult> {
	if (options.env === undefined) delete process.env.OAG_DB_PASSWORD;
	else process.env.OAG_DB_PASSWORD = options.env;
	try {
		const result = await runInProcess(args, options);
		results.push(result);
		return result;
	} finally {
		delete process.env.OAG_DB_PASSWORD;
	}
}

beforeAll(async () => {
	if (!available) return;
	db = await startMariaDb();
	await db.admin('CREATE DATABASE oagoffline');
	await db.admin(`CREATE USER 'svc'@'%' IDENTIFIED BY ?`, [password]);
	await db.admin(`GRANT ALL PRIVILEGES ON oagoffline.* TO 'svc'@'%'`);
});
afterAll(async () => {
	for (const result of results) expect(`${result.stdout}${result.stderr}${result.prompts.join('')}`).not.toContain(password);
	await db?.stop();
});

describe('the database host of check-db', () => {
	it('is the --host after check-db, never the global one before it', () => {
		expect(optionAfter(['node', 'oag-offline', '--host', 'gw', 'auth-service', 'check-db', '--host', 'db1'], 'check-db', '--host')).toBe('db1');
		expect(optionAfter(['node', 'oag-offline', '--host', 'gw', 'auth-service', 'check-db'], 'check-db', '--host')).toBeUndefined();
		expect(optionAfter(['node', 'x', 'check-db', '--host=db2'], 'check-db', '--host')).toBe('db2');
	});
});

describe.skipIf(!available)('auth-service check-db against a real MariaDB', () => {
	const target = () => ['--host', db.host, '--port', String(db.port), '--user', 'svc', '--database', 'oagoffline'];

	it('passes, printing each step with its time on stderr and the verdict on stdout', async () => {
		// The gateway host from OAG_HOST and a global --host do not become the database host.
		process.env.OAG_HOST = 'gateway.example.com';
		try {
			const result = await run(['--host', 'gateway.example.com', 'auth-service', 'check-db', ...target()], {env: password});
			expect(result.code).toBe(0);
			expect(result.stderr).toMatch(/^\[PASS\] DNS 127\.0\.0\.1  \d+ ms  /m);
			expect(result.stderr).toMatch(/^\[PASS\] server greeting  \d+ ms  MariaDB 10\./m);
			expect(result.stderr).toMatch(/^\[WARN\] TLS  \d+ ms  the server does not offer TLS/m);
			expect(result.stderr).toMatch(/^\[PASS\] privileges the service needs  \d+ ms  CREATE, ALTER, INDEX/m);
			expect(result.stdout).toMatch(/^Pre-flight from this machine to svc@127\.0\.0\.1:\d+\/oagoffline passed \(the gateway's server nodes connect from their own network\)\.\n$/);
		} finally {
			delete process.env.OAG_HOST;
		}
	});

	it('a wrong password typed at the hidden prompt: exit 1, the JSON report says where it failed', async () => {
		const result = await run(['auth-service', 'check-db', ...target(), '--json'], {answers: [`wrong-${password}`]});
		expect(result.code).toBe(1);
		expect(result.prompts).toEqual([`Password of svc@127.0.0.1: `]);
		const report = JSON.parse(result.stdout);
		expect(report).toMatchObject({from: 'this machine', ok: false});
		expect(report.steps.find((step: {id: string}) => step.id === 'login')).toMatchObject({status: 'fail', reason: expect.stringMatching(/^access denied: wrong password for svc/)});
		expect(result.stderr).toBe('');
	});

	it('without --host, --user or --database it is a usage error; without a password source too', async () => {
		const missing = await run(['auth-service', 'check-db', '--port', String(db.port), '--user', 'svc'], {env: password});
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/check-db needs --host, --database/);
		const noPassword = await run(['auth-service', 'check-db', ...target()]);
		expect(noPassword.code).toBe(2);
		expect(noPassword.stderr).toMatch(/set OAG_DB_PASSWORD/);
	});

	it('a --db-ca-file without a PEM certificate is a usage error naming the file (the one CA-file reader), before the password', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'oag-check-db-ca-'));
		try {
			const bad = join(dir, 'ca.pem');
			await writeFile(bad, 'not a certificate\n');
			const result = await run(['auth-service', 'check-db', ...target(), '--db-ca-file', bad]);
			expect(result.code).toBe(2);
			expect(result.stderr).toBe(`oag-offline: the CA file ${bad} is not a PEM certificate (expected a -----BEGIN CERTIFICATE----- block)\n`);
			expect(result.prompts).toEqual([]);
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});
});
