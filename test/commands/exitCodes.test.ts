import {randomUUID} from 'node:crypto';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {paths} from '../../source/api/schemas/paths.js';
import {EXIT} from '../../source/domain/exitCodes.js';
import {failoverPosts, simWithClient, type SimClient} from '../operations/support.js';
import {runInProcess, type InProcessResult} from './cliInProcess.js';

// Every command's failure paths and the exit code each must give: the README's "Exit codes" table, walked
// against the simulator. (Ctrl-C at a prompt, 130, is in exitCodesInterrupt.test.ts: it needs a terminal.)

let env: SimClient;
let dir: string;
let idpId: string;
let otherKeyFile: string;
const saved: Record<string, string | undefined> = {};

const connection = (overrides: {host?: string; clientId?: string; keyFile?: string; caFile?: string} = {}) => [
	'--host', overrides.host ?? env.sim.url,
	'--client-id', overrides.clientId ?? env.sim.clientId,
	'--key-file', overrides.keyFile ?? env.sim.keyFile,
	'--ca-file', overrides.caFile ?? env.sim.caFile!,
];

/** The commands that talk to a gateway, each with arguments that would succeed. */
const GATEWAY_COMMANDS: Record<string, () => string[]> = {
	status: () => ['status'],
	'idps list': () => ['idps', 'list'],
	'idps failover': () => ['idps', 'failover', idpId, 'AUTOMATIC'],
};

/** A profiles.yaml that is not YAML an admin could have meant. */
async function corruptProfiles(): Promise<void> {
	await mkdir(path.join(dir, 'config'), {recursive: true});
	await writeFile(path.join(dir, 'config', 'profiles.yaml'), 'profiles: [unclosed\n  current: :::\n');
}

/** The exit code, with the output in the failure message so a wrong code says why. */
const expectCode = (result: InProcessResult, code: number, label: string) =>
	expect(result.code, `${label}: ${result.stderr.trim()}`).toBe(code);

beforeAll(async () => {
	env = await simWithClient({apps: 6, idps: 2});
	idpId = (await env.client.idps.list())[0]!.id;
	dir = await mkdtemp(path.join(tmpdir(), 'oag-exit-codes-'));
	// Another client's key: a well-formed key the gateway does not know for our client id.
	otherKeyFile = path.join(dir, 'other.pem');
	await writeFile(otherKeyFile, (await env.sim.control.addClient(['okta.oag.idp.read'])).privateKeyPem, {mode: 0o600});
	for (const name of Object.keys(process.env).filter(n => n.startsWith('OAG_'))) {
		saved[name] = process.env[name];
		delete process.env[name];
	}
	process.env.OAG_CONFIG_DIR = path.join(dir, 'config');
});
afterAll(async () => {
	delete process.env.OAG_CONFIG_DIR;
	for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
	await env?.close();
	await rm(dir, {recursive: true, force: true});
});
beforeEach(async () => {
	await rm(path.join(dir, 'config'), {recursive: true, force: true});
	env.sim.control.setFaults({});
});

describe('exit 2: usage, in every command', () => {
	it.each(Object.keys(GATEWAY_COMMANDS))('%s: bad --host, a missing --key-file or --ca-file, a corrupt profiles.yaml', async name => {
		const args = GATEWAY_COMMANDS[name]!();
		expectCode(await runInProcess([...args, ...connection({host: 'https://gw example'})]), EXIT.usage, 'bad --host');
		expectCode(await runInProcess([...args, ...connection({keyFile: path.join(dir, 'no-such-key.pem')})]), EXIT.usage, 'missing --key-file');
		expectCode(await runInProcess([...args, ...connection({caFile: path.join(dir, 'no-such-ca.pem')})]), EXIT.usage, 'missing --ca-file');
		await corruptProfiles();
		expectCode(await runInProcess(args), EXIT.usage, 'corrupt profiles.yaml');
		expectCode(await runInProcess([...args, '--profile', 'prod']), EXIT.usage, 'corrupt profiles.yaml, --profile');
		expect(failoverPosts(env.sim)).toBe(0);
	});

	it('idps failover: an unknown IdP, a missing --file, a bad mode, a dangerous change with no terminal and no --yes', async () => {
		expectCode(await runInProcess(['idps', 'failover', 'No Such IdP', 'AUTOMATIC', ...connection()]), EXIT.usage, 'unknown IdP');
		expectCode(await runInProcess(['idps', 'failover', idpId, '--file', path.join(dir, 'missing.json'), ...connection()]), EXIT.usage, 'missing --file');
		expectCode(await runInProcess(['idps', 'failover', idpId, 'SOMETIMES', ...connection()]), EXIT.usage, 'bad mode');
		expectCode(await runInProcess(['idps', 'failover', idpId, 'DISABLED', ...connection()]), EXIT.usage, 'no terminal, no --yes');
		expect(failoverPosts(env.sim)).toBe(0);
	});

	it('login: bad --host, a missing --key-file, a corrupt profiles.yaml; status without connection details', async () => {
		const login = ['login', '--backend', 'plaintext', '--insecure-storage'];
		expectCode(await runInProcess([...login, ...connection({host: 'https://gw example'})]), EXIT.usage, 'login bad --host');
		expectCode(await runInProcess([...login, ...connection({keyFile: path.join(dir, 'no-such-key.pem')})]), EXIT.usage, 'login missing key');
		expectCode(await runInProcess(['status']), EXIT.usage, 'status, nothing to connect to');
		await corruptProfiles();
		expectCode(await runInProcess([...login, ...connection()]), EXIT.usage, 'login corrupt profiles.yaml');
		for (const args of [['profile', 'list'], ['profile', 'use', 'prod'], ['logout', '--profile', 'prod']]) {
			expectCode(await runInProcess(args), EXIT.usage, `${args.join(' ')} corrupt profiles.yaml`);
		}
	});

	it('profile use of an unknown profile, audit with a bad --since, unknown commands and options', async () => {
		expectCode(await runInProcess(['profile', 'use', 'nowhere']), EXIT.usage, 'unknown profile');
		expectCode(await runInProcess(['audit', '--since', 'soon']), EXIT.usage, 'bad --since');
		expectCode(await runInProcess(['statsu']), EXIT.usage, 'unknown command');
		expectCode(await runInProcess(['status', '--no-such-flag']), EXIT.usage, 'unknown option');
		expectCode(await runInProcess(['simulator', '--port', 'eighty']), EXIT.usage, 'bad --port');
	});
});

describe('exit 3: the gateway does not accept the client', () => {
	it.each(Object.keys(GATEWAY_COMMANDS))('%s: a wrong key, an unknown client id', async name => {
		const args = GATEWAY_COMMANDS[name]!();
		expectCode(await runInProcess([...args, ...connection({keyFile: otherKeyFile})]), EXIT.auth, 'wrong key');
		expectCode(await runInProcess([...args, ...connection({clientId: randomUUID()})]), EXIT.auth, 'unknown client id');
		expect(failoverPosts(env.sim)).toBe(0);
	});

	it('login: an unknown client id is refused before anything is stored', async () => {
		const result = await runInProcess(['login', '--backend', 'plaintext', '--insecure-storage', ...connection({clientId: randomUUID()})]);
		expectCode(result, EXIT.auth, 'login unknown client id');
		expect((await runInProcess(['profile', 'list', '--json'])).stdout).not.toContain(new URL(env.sim.url).hostname);
	});

	it('idps failover: a client that may read IdPs but not manage them (missing scope)', async () => {
		const reader = await env.sim.control.addClient(['okta.oag.idp.read']);
		const keyFile = path.join(dir, 'reader.pem');
		await writeFile(keyFile, reader.privateKeyPem, {mode: 0o600});
		const result = await runInProcess(['idps', 'failover', idpId, 'AUTOMATIC', ...connection({clientId: reader.clientId, keyFile})]);
		expectCode(result, EXIT.auth, 'missing manage scope');
	});
});

describe('exit 4: partial results', () => {
	it('status with some app states unreadable prints the rest and exits 4', async () => {
		const apps = await env.client.apps.list();
		env.sim.control.setFaults({errorRate: 1, pathPattern: `^${paths.appState(apps[0]!.id)}$`});
		const result = await runInProcess(['status', '--json', ...connection()]);
		expectCode(result, EXIT.partial, 'one app state unreadable');
		expect(JSON.parse(result.stdout)).toMatchObject({apps: {total: apps.length, unreadable: 1}});
	});

	it('status with a part it cannot read (the IdP list fails) prints the other parts and exits 4', async () => {
		env.sim.control.setFaults({errorRate: 1, pathPattern: `^${paths.idps}$`});
		const result = await runInProcess(['status', '--json', ...connection()]);
		expectCode(result, EXIT.partial, 'IdPs part unreadable');
		expect(JSON.parse(result.stdout)).toMatchObject({apps: {total: (await env.client.apps.list()).length}});
	});

	it('status with everything readable exits 0', async () => {
		expectCode(await runInProcess(['status', ...connection()]), EXIT.ok, 'all readable');
	});
});

describe('exit 1: failures', () => {
	it('a change refused by read-only mode, and a gateway that is not there', async () => {
		expectCode(await runInProcess(['idps', 'failover', idpId, 'AUTOMATIC', '--read-only', ...connection()]), EXIT.failure, 'read-only');
		const closed = `https://127.0.0.1:${await closedPort()}`;
		for (const name of Object.keys(GATEWAY_COMMANDS)) {
			expectCode(await runInProcess([...GATEWAY_COMMANDS[name]!(), ...connection({host: closed})]), EXIT.failure, `${name} unreachable`);
		}
	});
});

afterEach(() => {
	// A test that left a fault behind must not make the next one fail for the wrong reason.
	env?.sim.control.setFaults({});
});

async function closedPort(): Promise<number> {
	const {createServer} = await import('node:net');
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise<void>(resolve => server.close(() => resolve()));
	return port;
}
