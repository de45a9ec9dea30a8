import {randomBytes, randomUUID} from 'node:crypto';
import {mkdir, mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {paths} from '../../source/api/schemas/paths.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {mariadbAvailable, startMariaDb, type MariaDb} from '../helpers/mariadb.js';
import {baseEnv, runCli, type CliResult} from '../helpers/oagCli.js';
import {startTestSimulator} from '../helpers/simulator.js';

// The real binary, every auth-service path that handles a DB password (enable from the environment, from
// a --file on stdin, a refused enable, a gateway 400, --replace with a failed enable and its restore, a dry
// run, check-db right and wrong): no password in any stdout, stderr, the audit log or any file written.
vi.setConfig({testTimeout: 180_000, hookTimeout: 120_000});

let sim: RunningSimulator;
let db: MariaDb | undefined;
let dir: string;
const withDb = mariadbAvailable();

beforeAll(async () => {
	sim = await startTestSimulator({http: true});
	dir = await mkdtemp(path.join(tmpdir(), 'oag-db-leak-'));
	if (withDb) {
		db = await startMariaDb();
		await db.admin('CREATE DATABASE oagoffline');
	}
});
afterAll(async () => {
	await db?.stop();
	await sim?.close();
	await rm(dir, {recursive: true, force: true});
});

async function filesUnder(root: string): Promise<string[]> {
	const entries = await readdir(root, {withFileTypes: true, recursive: true}).catch(() => []);
	return entries.filter(entry => entry.isFile()).map(entry => path.join(entry.parentPath, entry.name));
}

describe('no DB password leaks', () => {
	it('from any auth-service command, in outputs, the audit log or files', async () => {
		const secret = (label: string) => `${label}-${randomBytes(10).toString('hex')}`;
		const passwords = {env: secret('env'), file: secret('file'), refused: secret('refused'), bad: secret('bad'), replace: secret('replace'), dry: secret('dry'), db: secret('db'), wrong: secret('wrong')};
		const config = path.join(dir, 'config');
		const temp = path.join(dir, 'tmp');
		await mkdir(temp);
		const env = baseEnv({OAG_CONFIG_DIR: config, TMPDIR: temp});
		const target = ['--host', sim.url, '--client-id', sim.clientId, '--key-file', sim.keyFile];
		const runs: CliResult[] = [];
		const run = async (args: string[], extra: NodeJS.ProcessEnv = {}, input?: string): Promise<CliResult> => {
			// check-db contacts no gateway (and its --host is the database's).
			const result = await runCli(args.includes('check-db') ? args : [...args, ...target], {env: {...env, ...extra}, ...(input === undefined ? {} : {input})});
			runs.push(result);
			return result;
		};
		const flags = ['--server-node', 'oag-node-1.example.com', '--db-host', 'db.example.com', '--db-user', 'oag', '--db-name', 'oagoffline', '--public-domain', 'offline.example.com', '--certificate', '*.example.com'];
		const body = (password: string, certificateId?: string) =>
			JSON.stringify({
				serverNodes: ['n1.example.com'],
				database: {type: 'mysql', host: 'db.example.com', port: 3306, name: 'oagoffline', username: 'oag', password},
				publicDomain: 'offline.example.com',
				...(certificateId ? {certificateId} : {}),
			});

		expect((await run(['auth-service', 'disable', '--yes'])).code).toBe(0);
		expect((await run(['auth-service', 'enable', '--file', '-', '--certificate', '*.example.com', '--dry-run'], {}, body(passwords.dry))).code).toBe(0);
		// The gateway answers 400 (no such certificate): the error path echoes no request value.
		const refused = await run(['auth-service', 'enable', '--file', '-', '--json'], {}, body(passwords.bad, randomUUID()));
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(/"fields":\{"certificateId":"No certificate with this id\."\}/);
		expect((await run(['auth-service', 'enable', '--file', '-', '--certificate', randomUUID()], {}, body(passwords.bad))).code).toBe(2);
		const certificateId = (JSON.parse((await run(['certs', 'list', '--json'])).stdout) as Array<{id: string; commonName: string}>).find(c => c.commonName === '*.example.com')!.id;
		expect((await run(['auth-service', 'enable', '--file', '-'], {}, body(passwords.file, certificateId))).code).toBe(0);
		expect((await run(['auth-service', 'enable', ...flags], {OAG_DB_PASSWORD: passwords.refused})).code).toBe(1);
		expect((await run(['auth-service', 'disable', '--yes'])).code).toBe(0);
		expect((await run(['auth-service', 'enable', ...flags, '--json'], {OAG_DB_PASSWORD: passwords.env})).code).toBe(0);
		sim.control.setFaults({failNext: {[`POST ${paths.authService}`]: 1}});
		const replaced = await run(['auth-service', 'enable', ...flags, '--replace', '--yes', '--json'], {OAG_DB_PASSWORD: passwords.replace, OAG_OLD_DB_PASSWORD: passwords.env});
		expect(replaced.code).toBe(1);
		expect(replaced.stderr).toMatch(/old setting was enabled again/);
		expect((await run(['auth-service', 'get', '--json'])).code).toBe(0);
		expect((await run(['audit', '--json'])).code).toBe(0);
		if (db) {
			await db.admin(`CREATE USER 'svc'@'%' IDENTIFIED BY ?`, [passwords.db]);
			await db.admin(`GRANT ALL PRIVILEGES ON oagoffline.* TO 'svc'@'%'`);
			const check = ['auth-service', 'check-db', '--host', db.host, '--port', String(db.port), '--user', 'svc', '--database', 'oagoffline'];
			expect((await run(check, {OAG_DB_PASSWORD: passwords.db})).code).toBe(0);
			expect((await run([...check, '--json'], {OAG_DB_PASSWORD: passwords.wrong})).code).toBe(1);
		}

		const files = [...(await filesUnder(config)), ...(await filesUnder(temp))];
		const auditFile = files.find(file => file.endsWith('audit.jsonl'));
		expect(auditFile).toBeDefined();
		const audit = (await readFile(auditFile!, 'utf8')).trim().split('\n').map(line => JSON.parse(line) as {action: string; outcome: string});
		// The search is not vacuous: the audit log holds the enables and disables, failed ones too.
		expect(audit.map(line => `${line.action}:${line.outcome}`)).toEqual(expect.arrayContaining(['authService.enable:ok', 'authService.enable:failed', 'authService.enable:invalid', 'authService.disable:ok']));
		const haystacks: Array<[string, string]> = runs.flatMap((result, index): Array<[string, string]> => [
			[`run ${index} stdout`, result.stdout],
			[`run ${index} stderr`, result.stderr],
		]);
		for (const file of files) haystacks.push([file, await readFile(file, 'latin1')]);
		const leaks = haystacks.flatMap(([where, text]) => Object.values(passwords).filter(secret => text.includes(secret)).map(secret => `${where}: ${secret.slice(0, 8)}…`));
		expect(leaks).toEqual([]);
	});
});
