import {randomBytes} from 'node:crypto';
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {baseEnv, runCli, type CliResult} from '../helpers/oagCli.js';
import {startRecordingProxy, type RecordingProxy} from '../helpers/recordingProxy.js';
import {startTestSimulator} from '../helpers/simulator.js';

// Secrets the test knows (key PEM lines, passphrases, every token and assertion that crossed the wire, a
// secret a key command printed on stderr) must appear in no output, config, state (the audit log included),
// key or temp file.
vi.setConfig({testTimeout: 240_000});

const PROBE = path.join(import.meta.dirname, '../helpers/connectProbe.ts');
let sim: RunningSimulator;
let proxy: RecordingProxy;
let dir: string;

beforeAll(async () => {
	sim = await startTestSimulator({http: true});
	proxy = await startRecordingProxy(sim.url);
	dir = await mkdtemp(path.join(tmpdir(), 'oag-leak-test-'));
});
afterAll(async () => {
	await proxy?.close();
	await sim?.close();
	await rm(dir, {recursive: true, force: true});
});

const pemLines = (pem: string): string[] => pem.split('\n').filter((line) => line.trim() && !line.startsWith('-----'));

async function filesUnder(root: string): Promise<string[]> {
	const entries = await readdir(root, {withFileTypes: true, recursive: true}).catch(() => []);
	return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('no secret leaks', () => {
	it('login, status, probes and failing calls leave no secret in outputs or files', async () => {
		const passphrase = `pass-${randomBytes(12).toString('hex')}`;
		const wrongPassphrase = `wrong-${randomBytes(12).toString('hex')}`;
		const stderrSecret = `stderr-secret-${randomBytes(12).toString('hex')}`;
		const config = path.join(dir, 'config');
		const temp = path.join(dir, 'tmp');
		await mkdir(temp);
		// Outside the searched dirs: the key file a key command reads, as a password manager would hold it.
		const vault = path.join(dir, 'vault'); // not searched, removed with dir
		await mkdir(vault);
		const vaultKey = path.join(vault, 'key.pem');
		await writeFile(vaultKey, sim.privateKeyPem, {mode: 0o600});
		// The command text is saved in the profile by design, so the stderr secret comes from a file, not the text.
		const vaultNote = path.join(vault, 'note.txt');
		await writeFile(vaultNote, stderrSecret, {mode: 0o600});
		const other = await sim.control.addClient(['okta.oag.idp.read']);

		const env = baseEnv({OAG_CONFIG_DIR: config, TMPDIR: temp, OAG_KEY_PASSPHRASE: passphrase});
		const target = ['--host', proxy.url, '--client-id', sim.clientId];
		const runs: CliResult[] = [];
		const run = async (args: string[], options: {input?: string; env?: NodeJS.ProcessEnv; script?: string} = {}): Promise<CliResult> => {
			const result = await runCli(args, {env: options.env ?? env, ...(options.input ? {input: options.input} : {}), ...(options.script ? {script: options.script} : {})});
			runs.push(result);
			return result;
		};

		expect((await run(['login', ...target, '--profile', 'leak', '--key-stdin', '--backend', 'encrypted-file'], {input: sim.privateKeyPem})).code).toBe(0);
		expect((await run(['status'])).code).toBe(0);
		expect((await run(['status', '--json'])).code).toBe(0);
		expect((await run([], {script: PROBE})).code).toBe(0);
		// Failing calls: server errors, a wrong client id (401), a wrong passphrase, a key the gateway does not know.
		sim.control.setFaults({errorRate: 1});
		expect((await run(['status'])).code).not.toBe(0);
		sim.control.setFaults({});
		expect((await run(['status', '--client-id', 'not-a-client'])).code).toBe(3);
		expect((await run([], {script: PROBE, env: {...env, OAG_KEY_PASSPHRASE: wrongPassphrase}})).code).toBe(1);
		expect((await run(['login', ...target, '--profile', 'other', '--key-stdin', '--backend', 'encrypted-file'], {input: other.privateKeyPem})).code).toBe(3);
		// Changes through the operations runner: each attempt writes an audit line (ok, refused), and
		// the audit file sits in the state dir under the searched config dir.
		const idpList = await run(['idps', 'list', '--json']);
		expect(idpList.code).toBe(0);
		const idpId = (JSON.parse(idpList.stdout) as Array<{id: string}>)[0]!.id;
		expect((await run(['idps', 'failover', idpId, 'AUTOMATIC'])).code).toBe(0);
		// A client without the manage scope: its token request is refused (exit 3) before anything is read or sent.
		const otherKey = path.join(vault, 'other.pem');
		await writeFile(otherKey, other.privateKeyPem, {mode: 0o600});
		expect((await run(['idps', 'failover', idpId, 'DISABLED', '--yes', '--client-id', other.clientId, '--key-file', otherKey])).code).toBe(3);
		expect((await run(['idps', 'failover', idpId, 'DISABLED', '--yes', '--read-only'])).code).toBe(1);
		expect((await run(['audit', '--json'])).code).toBe(0);
		// A key command that prints something secret on stderr: only its exit code may be reported.
		const keyCommand = `cat '${vaultKey}'; cat '${vaultNote}' >&2`;
		expect((await run(['login', ...target, '--profile', 'cmd', '--key-command', keyCommand])).code).toBe(0);
		expect((await run(['login', ...target, '--profile', 'cmdfail', '--key-command', `cat '${vaultNote}' >&2; exit 9`])).code).toBe(1);

		expect(proxy.secrets.size).toBeGreaterThan(3); // tokens and assertions were seen: the search is not vacuous
		const secrets = [
			...pemLines(sim.privateKeyPem),
			...pemLines(other.privateKeyPem),
			passphrase,
			wrongPassphrase,
			stderrSecret,
			...proxy.secrets,
		];
		const haystacks: Array<[string, string]> = runs.flatMap((result, index): Array<[string, string]> => [
			[`run ${index} stdout`, result.stdout],
			[`run ${index} stderr`, result.stderr],
		]);
		const files = [...(await filesUnder(config)), ...(await filesUnder(temp))];
		expect(files.some((file) => file.endsWith('profiles.yaml'))).toBe(true);
		const auditFile = files.find((file) => file.endsWith('audit.jsonl'));
		expect(auditFile).toBeDefined();
		const outcomes = (await readFile(auditFile!, 'utf8')).trim().split('\n').map((line) => JSON.parse(line).outcome);
		expect(outcomes).toEqual(['ok', 'refused']);
		for (const file of files) haystacks.push([file, await readFile(file, 'latin1')]);

		const leaks = haystacks.flatMap(([where, text]) =>
			secrets.filter((secret) => text.includes(secret)).map((secret) => `${where}: ${secret.slice(0, 6)}…`),
		);
		expect(leaks).toEqual([]);
	});
});
