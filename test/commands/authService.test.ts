import {randomBytes, randomUUID} from 'node:crypto';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {paths} from '../../source/api/schemas/paths.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {runInProcess, type InProcessOptions, type InProcessResult} from './inProcess.js';

// `certs list` and `auth-service get|enable|disable|health`, in-process against the embedded simulator,
// with the real program, its exit codes and the audit file. Every DB password typed in these tests is
// searched for in every stdout, stderr and the audit file at the end.
vi.setConfig({testTimeout: 30_000});

let sim: RunningSimulator;
let dir: string;
let connection: string[];
const passwords: string[] = [];
const results: InProcessResult[] = [];
const ENABLE_ROUTE = `POST ${paths.authService}`;

const newPassword = (): string => {
	const password = `db-${randomBytes(10).toString('hex')}`;
	passwords.push(password);
	return password;
};
async function run(args: string[], options: InProcessOptions & {dbPassword?: string; oldDbPassword?: string} = {}): Promise<InProcessResult> {
	if (options.dbPassword === undefined) delete process.env.OAG_DB_PASSWORD;
	else process.env.OAG_DB_PASSWORD = options.dbPassword;
	if (options.oldDbPassword === undefined) delete process.env.OAG_OLD_DB_PASSWORD;
	else process.env.OAG_OLD_DB_PASSWORD = options.oldDbPassword;
	try {
		const result = await runInProcess([...args, ...connection], options);
		results.push(result);
		return result;
	} finally {
		delete process.env.OAG_DB_PASSWORD;
		delete process.env.OAG_OLD_DB_PASSWORD;
	}
}
const enableFlags = ['--server-node', 'oag-node-1.example.com', '--server-node', 'oag-node-2.example.com', '--db-host', 'db.example.com', '--db-user', 'oag', '--db-name', 'oagoffline', '--public-domain', 'offline.example.com', '--certificate', '*.example.com'];
const enabled = async () => (await run(['auth-service', 'get', '--json'])).stdout;

beforeAll(async () => {
	sim = await startTestSimulator({http: true});
	dir = await mkdtemp(path.join(tmpdir(), 'oag-authsvc-cmd-'));
	process.env.OAG_CONFIG_DIR = path.join(dir, 'config');
	connection = ['--host', sim.url, '--client-id', sim.clientId, '--key-file', sim.keyFile];
});
afterAll(async () => {
	// The leak check over everything this file ran: no DB password in any output or in the audit file.
	const audit = await readFile(path.join(dir, 'config', 'state', 'audit.jsonl'), 'utf8');
	expect(audit.split('\n').filter(Boolean).length).toBeGreaterThan(5);
	for (const password of passwords) {
		for (const result of results) {
			expect(result.stdout).not.toContain(password);
			expect(result.stderr).not.toContain(password);
		}
		expect(audit).not.toContain(password);
	}
	await sim?.close();
	await rm(dir, {recursive: true, force: true});
	delete process.env.OAG_CONFIG_DIR;
});
beforeEach(() => {
	sim.control.setFaults({});
	sim.control.setOutage(false);
	sim.control.resetCounters();
});

describe('certs list', () => {
	it('shows certificates by CN, SAN and days left, soonest first, expired said so', async () => {
		const text = await run(['certs', 'list']);
		expect(text.code).toBe(0);
		const lines = text.stdout.trim().split('\n');
		expect(lines[0]).toMatch(/^legacy\.example\.com \(SAN legacy\.example\.com; EXPIRED 3\d days ago\)  id [0-9a-f-]{36}  \[WARN\]$/);
		expect(lines[1]).toMatch(/^\*\.example\.com \(SAN \*\.example\.com, example\.com; 24\d days left\)  id /);
		const json = JSON.parse((await run(['certs', 'list', '--json'])).stdout);
		expect(json[1]).toMatchObject({commonName: '*.example.com', san: ['*.example.com', 'example.com'], selfSigned: false, daysLeft: expect.any(Number)});
	});
});

describe('auth-service get and health', () => {
	it('shows the setting with the certificate by name and days left, never a bare id', async () => {
		const result = await run(['auth-service', 'get']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Server nodes:   oag-node-1.example.com, oag-node-2.example.com');
		expect(result.stdout).toContain('Database:       mysql db.example.com:3306/oagofflinemode');
		expect(result.stdout).toMatch(/Certificate: {4}\*\.example\.com \(SAN \*\.example\.com, example\.com; 24\d days left\)/);
		expect(result.stdout).toMatch(/Health: {9}\[HEALTHY\] normal operation/);
		expect(result.stdout).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
	});

	it('when UNHEALTHY says what to check next, in order', async () => {
		sim.control.setOutage(true);
		const result = await run(['auth-service', 'get']);
		expect(result.stdout).toMatch(/\[UNHEALTHY\] may be non-operational/);
		const advice = result.stdout.slice(result.stdout.indexOf('Check next, in order:'));
		expect(advice).toMatch(/1\. The database db\.example\.com:3306\/oagofflinemode as oag-node-1\.example\.com, oag-node-2\.example\.com reach it/);
		expect(advice).toMatch(/2\. The public domain offline-idp-service\.example\.com: does its DNS/);
		expect(advice).toMatch(/3\. The nodes .* themselves/);
		const json = JSON.parse((await run(['auth-service', 'health', '--json'])).stdout);
		expect(json).toMatchObject({status: 'UNHEALTHY', advice: [expect.stringMatching(/^1\./), expect.stringMatching(/^2\./), expect.stringMatching(/^3\./)]});
	});

	it('health --watch --json prints one JSON line per change, not per poll', async () => {
		const watching = run(['auth-service', 'health', '--watch', '--json', '--interval', '0.1', '--max-changes', '3']);
		await vi.waitFor(() => expect(sim.control.counters().byRoute[`GET ${paths.authServiceHealth}`] ?? 0).toBeGreaterThanOrEqual(3), {timeout: 5000});
		sim.control.setOutage(true);
		const before = sim.control.counters().byRoute[`GET ${paths.authServiceHealth}`] ?? 0;
		await vi.waitFor(() => expect(sim.control.counters().byRoute[`GET ${paths.authServiceHealth}`] ?? 0).toBeGreaterThanOrEqual(before + 3), {timeout: 5000});
		sim.control.setOutage(false);
		const result = await watching;
		expect(result.code).toBe(0);
		const lines = result.stdout.trim().split('\n').map(line => JSON.parse(line));
		expect(lines.map(line => line.status)).toEqual(['HEALTHY', 'UNHEALTHY', 'HEALTHY']);
		expect(lines[1].details).toMatch(/Okta IdP unreachable/);
	});
});

describe('auth-service health --watch during an incident', () => {
	it('rides out a gateway that fails (an UNREACHABLE line), then reports it back', async () => {
		const healthCalls = () => sim.control.counters().byRoute[`GET ${paths.authServiceHealth}`] ?? 0;
		const watching = run(['auth-service', 'health', '--watch', '--json', '--interval', '0.1', '--max-changes', '3']);
		await vi.waitFor(() => expect(healthCalls()).toBeGreaterThanOrEqual(2), {timeout: 5000});
		sim.control.setFaults({errorRate: 1, pathPattern: 'health-check$'});
		const before = healthCalls();
		// The client tries a read 4 times (3 retries with backoff) before the watch sees the failure.
		await vi.waitFor(() => expect(healthCalls()).toBeGreaterThanOrEqual(before + 5), {timeout: 15_000});
		sim.control.setFaults({});
		const result = await watching;
		expect(result.code).toBe(0);
		const lines = result.stdout.trim().split('\n').map(line => JSON.parse(line));
		expect(lines.map(line => line.status)).toEqual(['HEALTHY', 'UNREACHABLE', 'HEALTHY']);
		expect(lines[1].error).toMatch(/^server: /);
	});
});

describe('auth-service disable and enable', () => {
	it('disable without a terminal needs --yes; at a terminal DISABLE must be typed; the undo explanation is in the audit', async () => {
		const noTerminal = await run(['auth-service', 'disable']);
		expect(noTerminal.code).toBe(2);
		expect(noTerminal.stderr).toMatch(/pass --yes/);
		const wrongWord = await run(['auth-service', 'disable'], {answers: ['disable please']});
		expect(wrongWord.code).toBe(1);
		expect(wrongWord.prompts[0]).toMatch(/offline sign-in stops for every IdP and app[\s\S]*Type DISABLE to confirm/);
		expect(await enabled()).toContain('"enabled":true');
		const dry = await run(['auth-service', 'disable', '--dry-run', '--json']);
		expect(JSON.parse(dry.stdout)).toEqual({dryRun: true, requests: [{method: 'DELETE', path: paths.authService}]});
		const done = await run(['auth-service', 'disable'], {answers: ['DISABLE']});
		expect(done.code).toBe(0);
		expect(done.stdout).toMatch(/disable the authentication service: done and verified/);
		expect(await enabled()).toBe('{"enabled":false}\n');
		const text = await run(['auth-service', 'get']);
		expect(text.stdout).toMatch(/not enabled\. Enable it with `oag-offline auth-service enable`/);
	});

	it('enable from flags (not dangerous: no --yes needed), the certificate by CN, the password from OAG_DB_PASSWORD; a second enable is refused', async () => {
		const password = newPassword();
		const result = await run(['auth-service', 'enable', ...enableFlags, '--json'], {dbPassword: password});
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({ok: true, verified: true, after: {enabled: true, publicDomain: 'offline.example.com', database: {port: 3306}}});
		const again = await run(['auth-service', 'enable', ...enableFlags, '--yes'], {dbPassword: newPassword()});
		expect(again.code).toBe(1);
		expect(again.stderr).toMatch(/already enabled, and the gateway has no update/);
		expect(sim.control.counters().byRoute[ENABLE_ROUTE]).toBe(1);
	});

	it('enable from --file - (the API body) with flags over it; the dry run masks the credentials', async () => {
		await run(['auth-service', 'disable', '--yes']);
		const password = newPassword();
		const certificateId = JSON.parse((await run(['certs', 'list', '--json'])).stdout)[1].id as string;
		const file = JSON.stringify({
			serverNodes: ['node-a.example.com'],
			database: {type: 'mysql', host: 'db.example.com', port: 3306, name: 'oagoffline', username: 'oag', password},
			publicDomain: 'offline.example.com',
			certificateId,
		});
		const dry = await run(['auth-service', 'enable', '--file', '-', '--db-port', '3307', '--dry-run', '--json'], {input: file});
		expect(dry.code).toBe(0);
		expect(JSON.parse(dry.stdout).requests[0].body).toMatchObject({database: {port: 3307, username: '[redacted]', password: '[redacted]'}, serverNodes: ['node-a.example.com']});
		const result = await run(['auth-service', 'enable', '--file', '-', '--db-port', '3307', '--yes'], {input: file});
		expect(result.code).toBe(0);
		expect(JSON.parse(await enabled()).setting.database.port).toBe(3307);
	});

	it('asks for the password at a hidden prompt, warns about a certificate that does not cover the domain', async () => {
		await run(['auth-service', 'disable', '--yes']);
		const flags = enableFlags.map(flag => (flag === 'offline.example.com' ? 'offline.example.org' : flag));
		const result = await run(['auth-service', 'enable', ...flags], {answers: [newPassword()]});
		expect(result.code).toBe(0);
		expect(result.prompts).toEqual(['Database password for oag@db.example.com: ']);
		expect(result.stderr).toMatch(/warning: the certificate \*\.example\.com does not cover offline\.example\.org/);
		const noPassword = await run(['auth-service', 'enable', ...enableFlags, '--yes']);
		expect(noPassword.code).toBe(2);
		expect(noPassword.stderr).toMatch(/set OAG_DB_PASSWORD, or run at a terminal to type it \(it is never a flag\)/);
	});

	it("the gateway's field errors come back on the fields (JSON error with fields)", async () => {
		await run(['auth-service', 'disable', '--yes']);
		const file = JSON.stringify({certificateId: randomUUID()});
		const result = await run(['auth-service', 'enable', ...enableFlags.slice(0, -2), '--file', '-', '--yes', '--json'], {input: file, dbPassword: newPassword()});
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		const error = JSON.parse(result.stderr.trim().split('\n').at(-1)!).error;
		expect(error).toMatchObject({kind: 'validation', fields: {certificateId: 'No certificate with this id.'}});
	});

	it('--replace changes the settings, and restores the old ones when the new enable fails', async () => {
		const oldPassword = newPassword();
		await run(['auth-service', 'enable', ...enableFlags, '--yes'], {dbPassword: oldPassword});
		sim.control.setFaults({failNext: {[ENABLE_ROUTE]: 1}});
		const flags = enableFlags.map(flag => (flag === 'offline.example.com' ? 'new.example.com' : flag));
		const failed = await run(['auth-service', 'enable', ...flags, '--replace', '--yes'], {dbPassword: newPassword(), oldDbPassword: oldPassword});
		expect(failed.code).toBe(1);
		expect(failed.stderr).toMatch(/The old setting was enabled again\./);
		expect(JSON.parse(await enabled()).setting.publicDomain).toBe('offline.example.com');
		const changed = await run(['auth-service', 'enable', ...flags, '--replace', '--yes', '--json'], {dbPassword: newPassword(), oldDbPassword: oldPassword});
		expect(changed.code).toBe(0);
		expect(JSON.parse(changed.stdout)).toMatchObject({state: 'changed'});
		expect(JSON.parse(await enabled()).setting.publicDomain).toBe('new.example.com');
	});
});
