import {statSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runBundle, spawnSimulatorProcess, type SimulatorLine} from '../helpers/bundle.js';

// `oag-offline status` of the bundled binary against `oag-offline simulator` in its own process:
// exactly what the README tells an admin to run.

let sim: Awaited<ReturnType<typeof spawnSimulatorProcess>>;
let line: SimulatorLine;
const connection = () => ['--host', line.url, '--client-id', line.clientId, '--key-file', line.keyFile];

beforeAll(async () => {
	sim = await spawnSimulatorProcess(['--apps', '40', '--idps', '3']);
	line = sim.line;
});
afterAll(async () => {
	expect(await sim.stop()).toBe(0);
});

describe('oag-offline simulator', () => {
	it('prints exactly one JSON line and writes the key with mode 0600', () => {
		expect(sim.rawStdout().trim().split('\n')).toHaveLength(1);
		expect(line.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		expect(line.scopes).toContain('okta.oag.idp.manage');
		expect(statSync(line.keyFile).mode & 0o777).toBe(0o600);
	});
});

describe('oag-offline status', () => {
	it('--json reports the auth service, every IdP with its failover mode, and app counts', async () => {
		const result = await runBundle(['status', ...connection(), '--ca-file', line.caFile!, '--json']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		// One line: scripts read it with a line reader (the command context's --json rule).
		expect(result.stdout.endsWith('\n') && !result.stdout.trim().includes('\n')).toBe(true);
		const report = JSON.parse(result.stdout);
		expect(report.gateway).toBe(line.url);
		expect(report.keyBackend).toBe('file for this run');
		expect(report.authService.enabled).toBe(true);
		expect(report.authService.health.status).toBe('HEALTHY');
		expect(report.authService.setting.database).not.toHaveProperty('password');
		expect(report.idps).toHaveLength(3);
		for (const idp of report.idps) expect(['AUTOMATIC', 'DISABLED']).toContain(idp.failoverMode);
		const counts = report.apps.byState;
		expect(counts.INACTIVE + counts.TEST + counts.ACTIVE).toBe(40);
		expect(report.apps.total).toBe(40);
	});

	it('prints the same facts as text, states in brackets', async () => {
		const result = await runBundle(['status', ...connection(), '--ca-file', line.caFile!]);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/\[ENABLED\] \[HEALTHY\]/);
		expect(result.stdout).toMatch(/IdPs \(3\)/);
		expect(result.stdout).toMatch(/\[AUTOMATIC\]/);
		expect(result.stdout).toMatch(/Apps \(40\)/);
	});

	it('accepts host:port and the URL alike, through the environment too', async () => {
		const hostPort = line.url.replace('https://', '');
		const result = await runBundle(['status', '--json'], {
			OAG_HOST: hostPort,
			OAG_CLIENT_ID: line.clientId,
			OAG_PRIVATE_KEY_FILE: line.keyFile,
			OAG_CA_FILE: line.caFile,
		});
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout).gateway).toBe(line.url);
	});

	it('refuses an untrusted certificate in one line that says what to do (exit 1)', async () => {
		const result = await runBundle(['status', ...connection()]);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).toMatch(/--ca-file/);
	});

	it('--insecure works and says so on stderr', async () => {
		const result = await runBundle(['status', ...connection(), '--insecure', '--json']);
		expect(result.code).toBe(0);
		expect(result.stderr).toMatch(/TLS verification is OFF/);
		expect(JSON.parse(result.stdout).insecure).toBe(true);
	});

	it('an unknown client id is an auth failure (exit 3)', async () => {
		const result = await runBundle([
			'status', '--host', line.url, '--client-id', '00000000-0000-4000-8000-000000000000',
			'--key-file', line.keyFile, '--ca-file', line.caFile!,
		]);
		expect(result.code).toBe(3);
		expect(result.stderr).toMatch(/refused the client assertion/);
	});

	it('missing connection details are a usage error (exit 2)', async () => {
		const result = await runBundle(['status'], {XDG_CONFIG_HOME: '/nonexistent-oag-test', OAG_CONFIG_DIR: '/nonexistent-oag-test'});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/host/i);
	});
});
