import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Option, type Command} from 'commander';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {HealthPolicyRequest, paths} from '../../source/api/schemas/index.js';
import {bodyFileOption, dryRunOption, withContext} from '../../source/commands/context.js';
import {wholeNumber} from '../../source/commands/parsers.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {runInProcess} from './inProcess.js';

// The command context, in-process against the embedded simulator: a command written the way the
// context's comment shows (resolve an IdP, build a body from --file and flags, dry-run, confirm, send,
// print) runs through the real program, with captured streams and the exit code runProgram would set.

let sim: RunningSimulator;
let dir: string;
let connection: string[];

/** A mutating command on the context, as the resource commands will be: replace an IdP's health policy. */
function healthPolicyCommand(program: Command): void {
	program
		.command('set-health-policy')
		.argument('<idp>', 'IdP id or name')
		.addOption(new Option('--timeout <s>', 'seconds').argParser(wholeNumber(0, 10_000)))
		.addOption(dryRunOption())
		.addOption(bodyFileOption())
		.action(
			withContext(async (ctx, idpArg: string, options: {timeout?: number}) => {
				const gateway = await ctx.openGateway();
				const idp = await ctx.resolveIdp(gateway.client, idpArg);
				const current = await gateway.client.idps.getHealthPolicy(idp.id);
				const {failureThreshold, healthCheckInterval, maxRetries, recoveryCooldownInterval, successThreshold, timeout} = current;
				const body = await ctx.body(HealthPolicyRequest, {
					base: {failureThreshold, healthCheckInterval, maxRetries, recoveryCooldownInterval, successThreshold, timeout},
					overrides: {timeout: options.timeout},
				});
				if (ctx.dryRun({method: 'PUT', path: paths.healthPolicy(idp.id), body})) return;
				await ctx.confirm(`Replace the health policy of ${idp.name}?`, idp.name);
				const saved = await gateway.client.idps.replaceHealthPolicy(idp.id, body);
				ctx.print({idp: idp.id, healthPolicy: saved}, r => `Health policy of ${idp.name}: timeout ${r.healthPolicy.timeout} s`);
			}),
		);
}

const run = (args: string[], options: Parameters<typeof runInProcess>[1] = {}) =>
	runInProcess(args, {extend: healthPolicyCommand, ...options});
const puts = (): number =>
	Object.entries(sim.control.counters().byRoute)
		.filter(([route]) => route.startsWith('PUT ') && route.endsWith('/health-policy'))
		.reduce((sum, [, count]) => sum + count, 0);
const timeoutOf = async (name: string): Promise<number> => {
	const result = await run(['set-health-policy', name, ...connection, '--dry-run', '--json']);
	return JSON.parse(result.stdout).requests[0].body.timeout;
};

beforeAll(async () => {
	sim = await startTestSimulator({idps: 3});
	dir = await mkdtemp(path.join(tmpdir(), 'oag-context-test-'));
	// No profile is read or written: an empty config dir, and every connection detail from flags.
	process.env.OAG_CONFIG_DIR = path.join(dir, 'config');
	connection = ['--host', sim.url, '--client-id', sim.clientId, '--key-file', sim.keyFile, '--ca-file', sim.caFile!];
});
afterAll(async () => {
	await sim?.close();
	await rm(dir, {recursive: true, force: true});
});
beforeEach(() => sim.control.resetCounters());

describe('resolving an IdP argument', () => {
	it('takes a name in any case, or the id', async () => {
		const byName = await run(['set-health-policy', 'okta STAGING', ...connection, '--dry-run', '--json']);
		expect(byName.code).toBe(0);
		const path = JSON.parse(byName.stdout).requests[0].path as string;
		const id = decodeURIComponent(path.split('/')[4]!);
		const byId = await run(['set-health-policy', id, ...connection, '--dry-run', '--json']);
		expect(JSON.parse(byId.stdout).requests[0].path).toBe(path);
	});

	it('an unknown name is a usage error that lists close matches', async () => {
		const result = await run(['set-health-policy', 'Okta Prodution', ...connection]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/no IdP with the id or name "Okta Prodution"; close matches: "Okta Production"/);
		const json = await run(['set-health-policy', 'nothing-like-it', ...connection, '--json']);
		expect(json.code).toBe(2);
		expect(JSON.parse(json.stderr)).toEqual({error: {kind: 'not-found', message: 'no IdP with the id or name "nothing-like-it"'}});
		expect(json.stdout).toBe('');
	});
});

describe('--dry-run and --file', () => {
	it('prints the request built from the gateway, the file and the flags, and sends nothing', async () => {
		const file = path.join(dir, 'policy.json');
		await writeFile(file, JSON.stringify({failureThreshold: 5, timeout: 30}));
		const result = await run(['set-health-policy', 'Okta Production', ...connection, '--file', file, '--timeout', '7', '--dry-run']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Dry run: this request was not sent\.\nPUT \/api\/v2\/idps\/[^/]+\/offline-mode\/health-policy\n/);
		const body = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
		// failureThreshold from the file, timeout from the flag over the file's 30, the rest from the gateway.
		expect(body).toMatchObject({failureThreshold: 5, timeout: 7, healthCheckInterval: 60});
		expect(Object.keys(body).sort()).toEqual(Object.keys(HealthPolicyRequest.shape).sort());
		expect(puts()).toBe(0);
	});

	it('reads the body from stdin with --file -', async () => {
		const result = await run(['set-health-policy', 'Okta Production', ...connection, '--file', '-', '--dry-run', '--json'], {
			input: '{"maxRetries": 4}',
		});
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({dryRun: true, requests: [{method: 'PUT', body: {maxRetries: 4}}]});
	});

	it('a field of the wrong type or one the API does not know is a usage error naming the field', async () => {
		const wrongType = await run(['set-health-policy', 'Okta Production', ...connection, '--file', '-', '--dry-run'], {input: '{"timeout": "soon"}'});
		expect(wrongType.code).toBe(2);
		expect(wrongType.stderr).toMatch(/^oag-offline: the body \(stdin and flags\) is not a valid request: timeout: /);
		const unknown = await run(['set-health-policy', 'Okta Production', ...connection, '--file', '-', '--dry-run', '--json'], {input: '{"timeOut": 5}'});
		expect(unknown.code).toBe(2);
		expect(JSON.parse(unknown.stderr).error).toMatchObject({kind: 'usage', message: expect.stringMatching(/timeOut/)});
	});

	it('broken JSON is named by position, never quoted (a body may hold a password)', async () => {
		const file = path.join(dir, 'broken.json');
		await writeFile(file, '{\n  "password": "Hunter2-secret",\n  oops\n}');
		const result = await run(['set-health-policy', 'Okta Production', ...connection, '--file', file, '--dry-run']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/is not valid JSON \(line 3, column \d+\)/);
		expect(result.stderr).not.toContain('Hunter2');
		const missing = await run(['set-health-policy', 'Okta Production', ...connection, '--file', path.join(dir, 'nope.json'), '--dry-run']);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/cannot read the body file .*nope\.json/);
		const huge = await run(['set-health-policy', 'Okta Production', ...connection, '--file', '-', '--dry-run'], {input: `{"x": "${'a'.repeat(1_100_000)}"}`});
		expect(huge.code).toBe(2);
		expect(huge.stderr).toMatch(/the body on stdin is larger than 1048576 bytes/);
	});
});

describe('confirmation', () => {
	it('without a terminal and without --yes nothing is sent and the message names --yes (exit 2)', async () => {
		const result = await run(['set-health-policy', 'Okta Staging', ...connection, '--timeout', '9']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/no terminal to confirm on; pass --yes/);
		expect(puts()).toBe(0);
	});

	it('--yes sends, and the gateway has the new value', async () => {
		const result = await run(['set-health-policy', 'Okta Staging', ...connection, '--timeout', '11', '--yes']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('Health policy of Okta Staging: timeout 11 s\n');
		expect(puts()).toBe(1);
		expect(await timeoutOf('Okta Staging')).toBe(11);
	});

	it('at a terminal the expected text must be typed; anything else cancels', async () => {
		const cancelled = await run(['set-health-policy', 'Okta Staging', ...connection, '--timeout', '12'], {answers: ['y']});
		expect(cancelled.code).toBe(1);
		expect(cancelled.prompts[0]).toMatch(/Replace the health policy of Okta Staging\?\nType Okta Staging to confirm/);
		expect(cancelled.stderr).toMatch(/not confirmed: nothing was changed/);
		expect(puts()).toBe(0);
		const confirmed = await run(['set-health-policy', 'Okta Staging', ...connection, '--timeout', '13', '--json'], {answers: ['Okta Staging']});
		expect(confirmed.code).toBe(0);
		expect(JSON.parse(confirmed.stdout)).toMatchObject({healthPolicy: {timeout: 13}});
	});
});

describe('errors from the gateway and the connection', () => {
	it('a refused client is exit 3, and a JSON error under --json', async () => {
		const args = ['set-health-policy', 'Okta Production', '--host', sim.url, '--client-id', 'not-a-client', '--key-file', sim.keyFile, '--ca-file', sim.caFile!];
		const text = await run(args);
		expect(text.code).toBe(3);
		expect(text.stderr.split('\n')[0]).toMatch(/^oag-offline: /);
		const json = await run([...args, '--json']);
		expect(json.code).toBe(3);
		expect(json.stdout).toBe('');
		const error = JSON.parse(json.stderr.trim().split('\n').at(-1)!).error;
		expect(error.kind).toBe('unauthorized');
		expect(typeof error.message).toBe('string');
	});

	it('a malformed --host is a usage error before any request (also from OAG_HOST)', async () => {
		const result = await run(['set-health-policy', 'x', '--host', 'oag example.com', '--client-id', 'c', '--key-file', sim.keyFile]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/--host "oag example.com" is not a gateway host: A host has no spaces/);
		process.env.OAG_HOST = 'https://oag.example.com/admin';
		try {
			const fromEnv = await run(['set-health-policy', 'x', '--client-id', 'c', '--key-file', sim.keyFile, '--json']);
			expect(fromEnv.code).toBe(2);
			expect(JSON.parse(fromEnv.stderr).error.message).toMatch(/without a path/);
		} finally {
			delete process.env.OAG_HOST;
		}
		expect(sim.control.counters().requests).toBe(0);
	});
});
