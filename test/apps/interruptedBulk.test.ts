import {spawn} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createOagClient} from '../../source/api/client.js';
import type {OagClient} from '../../source/api/clientOptions.js';
import type {AuditEntry} from '../../source/audit/entry.js';
import {mapLimit} from '../../source/store/mapLimit.js';
import {ensureBundle, spawnSimulatorProcess} from '../helpers/bundle.js';

// Ctrl+C in the middle of an incident promotion, through the real binary against the simulator process
// (50 ms per request): the command starts nothing new, lets the requests in flight finish, and its
// report and the audit log together account for every app of the plan, matching the gateway's states.

const APPS = 300;
let sim: Awaited<ReturnType<typeof spawnSimulatorProcess>>;
let reader: OagClient;
let dir: string;

beforeAll(async () => {
	sim = await spawnSimulatorProcess(['--apps', String(APPS), '--latency', '50']);
	reader = createOagClient({
		host: sim.line.url,
		clientId: sim.line.clientId,
		privateKey: await readFile(sim.line.keyFile, 'utf8'),
		caPem: await readFile(sim.line.caFile!, 'utf8'),
		concurrency: 32,
	});
	const apps = await reader.apps.list();
	await mapLimit(apps, 32, app => reader.apps.setState(app.id, 'TEST'));
	dir = await mkdtemp(path.join(tmpdir(), 'oag-apps-sigint-'));
}, 60_000);
afterAll(async () => {
	await reader?.close();
	await sim?.stop();
	await rm(dir, {recursive: true, force: true});
});

const auditLines = async (file: string): Promise<AuditEntry[]> =>
	(await readFile(file, 'utf8').catch(() => ''))
		.split('\n')
		.filter(Boolean)
		.map(line => JSON.parse(line) as AuditEntry);

describe('SIGINT during apps state --all-in-state TEST ACTIVE', () => {
	it('lets in-flight requests finish and accounts for every app in its report and the audit log (exit 130)', async () => {
		const auditFile = path.join(dir, 'state', 'audit.jsonl');
		const {url, clientId, keyFile, caFile} = sim.line;
		const child = spawn(
			process.execPath,
			[ensureBundle(), 'apps', 'state', '--all-in-state', 'TEST', 'ACTIVE', '--yes', '--json', '--host', url, '--client-id', clientId, '--key-file', keyFile, '--ca-file', caFile!],
			{env: {PATH: process.env.PATH, OAG_CONFIG_DIR: path.join(dir, 'config'), OAG_STATE_DIR: path.join(dir, 'state')}},
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		const exited = new Promise<number | null>(resolve => child.on('close', code => resolve(code)));

		// In the middle: once some apps are done, well before all of them.
		while ((await auditLines(auditFile)).length < 40) await new Promise(resolve => setTimeout(resolve, 25));
		child.kill('SIGINT');
		const code = await exited;
		expect({code, stderr}).toMatchObject({code: 130, stderr: expect.stringContaining('interrupted')});

		const report = JSON.parse(stdout) as {batch: string; results: Array<{id: string; outcome: string; state?: string}>; summary: Record<string, unknown>};
		expect(report.results).toHaveLength(APPS);
		const started = report.results.filter(r => r.outcome !== 'not-started');
		const notStarted = report.results.filter(r => r.outcome === 'not-started');
		expect(started.length).toBeGreaterThanOrEqual(40);
		expect(notStarted.length).toBeGreaterThan(0);
		expect(report.summary).toMatchObject({interrupted: true, notStarted: notStarted.length, done: started.filter(r => r.outcome === 'ok').length});

		// The audit log: one line for every started app, none for the others.
		const lines = (await auditLines(auditFile)).filter(line => line.target.batch === report.batch);
		expect(lines.map(l => l.target.id).sort()).toEqual(started.map(r => r.id).sort());
		expect(lines.every(line => report.results.find(r => r.id === line.target.id)?.outcome === line.outcome)).toBe(true);

		// The gateway agrees: what the report says changed is ACTIVE, everything else is still TEST.
		const states = new Map(await mapLimit(report.results, 32, async r => [r.id, (await reader.apps.getState(r.id)).state] as const));
		for (const r of report.results) expect([r.id, r.outcome, states.get(r.id)]).toEqual([r.id, r.outcome, r.outcome === 'ok' ? 'ACTIVE' : 'TEST']);
	}, 90_000);
});
