import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {auditFilePath} from '../../source/audit/fileLog.js';
import {oagPaths} from '../../source/config/paths.js';
import {DIRECTORY_PRESETS} from '../../source/domain/directoryPresets.js';
import {HEALTH_POLICY_DEFAULTS} from '../../source/domain/healthPolicy.js';
import {slapdAvailable, startSlapd, type Slapd} from '../helpers/slapd.js';
import {simWithClient, type SimClient} from '../operations/support.js';
import {runInProcess, type InProcessOptions, type InProcessResult} from './inProcess.js';

// `idps health-policy` and `directories list|create|update|delete|test|check` in-process against the
// simulator (its test-directory-connection binds to a real slapd on loopback), with the audit file in a
// temp state dir. Every run's stdout and stderr and the audit file are searched for the bind credential.

const ldap = slapdAvailable();
let env: SimClient;
let slapd: Slapd;
let dir: string;
let saved: Record<string, string | undefined>;
let target: string[];
let idp: {id: string; name: string};
const outputs: string[] = [];

const run = async (args: string[], options: InProcessOptions = {}): Promise<InProcessResult> => {
	const result = await runInProcess([...args, ...target], options);
	outputs.push(result.stdout, result.stderr, ...result.prompts);
	return result;
};
const auditText = async () => readFile(auditFilePath(oagPaths()), 'utf8').catch(() => '');
const policyPuts = () => Object.entries(env.sim.control.counters().byRoute).filter(([r]) => /^PUT .*health-policy$/.test(r)).reduce((s, [, n]) => s + n, 0);

beforeAll(async () => {
	[env, slapd] = await Promise.all([simWithClient(), ldap ? startSlapd() : (undefined as unknown as Slapd)]);
	dir = await mkdtemp(path.join(tmpdir(), 'oag-dir-cmd-'));
	saved = {config: process.env.OAG_CONFIG_DIR, cred: process.env.OAG_BIND_CREDENTIAL};
	process.env.OAG_CONFIG_DIR = dir;
	const second = (await env.client.idps.list())[1]!;
	idp = {id: second.id, name: second.name};
	target = ['--host', env.sim.url, '--client-id', env.sim.clientId, '--key-file', env.sim.keyFile, '--ca-file', env.sim.caFile!];
}, 30_000);
afterAll(async () => {
	for (const [key, name] of [['config', 'OAG_CONFIG_DIR'], ['cred', 'OAG_BIND_CREDENTIAL']] as const) {
		if (saved[key] === undefined) delete process.env[name];
		else process.env[name] = saved[key];
	}
	await env?.close();
	await slapd?.stop();
	await rm(dir, {recursive: true, force: true});
	// The credential never reached a screen, a prompt's text or the audit file.
	if (slapd) for (const text of [...outputs, await auditText()]) expect(text).not.toContain(slapd.bindPassword);
});
beforeEach(() => {
	delete process.env.OAG_BIND_CREDENTIAL;
	env.sim.control.resetCounters();
});

describe('idps health-policy', () => {
	it('shows the six fields and the timeline, as text and as JSON', async () => {
		await env.client.idps.replaceHealthPolicy(idp.id, HEALTH_POLICY_DEFAULTS);
		const text = await run(['idps', 'health-policy', idp.name]);
		expect(text.code).toBe(0);
		expect(text.stdout).toContain('recoveryCooldownInterval  360');
		expect(text.stdout).toContain('It checks every 60 s with a 3 s timeout; after 3 failed checks (about 3 min) it fails over; after 2 good checks and a 6 min cooldown it returns.');
		const json = JSON.parse((await run(['idps', 'health-policy', idp.id, '--json'])).stdout);
		expect(json).toMatchObject({idp, policy: HEALTH_POLICY_DEFAULTS, detectionSeconds: 180, minimumCooldown: 360});
	});

	it('--set below the rule is a usage error that offers the smallest valid cooldown; nothing is sent', async () => {
		const result = await run(['idps', 'health-policy', idp.id, '--set', 'healthCheckInterval=120']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('the smallest valid cooldown is 720 s: add --set recoveryCooldownInterval=720');
		const impossible = await run(['idps', 'health-policy', idp.id, '--set', 'healthCheckInterval=300', '--set', 'failureThreshold=10', '--set', 'recoveryCooldownInterval=5000']);
		expect(impossible.stderr).toContain('the smallest valid cooldown is 6000 s');
		expect(policyPuts()).toBe(0);
		const badKey = await run(['idps', 'health-policy', idp.id, '--set', 'interval=60']);
		expect(badKey.code).toBe(2);
	});

	it('--set replaces all six fields through the operation, audited, and prints the new timeline; --dry-run sends nothing', async () => {
		const dry = await run(['idps', 'health-policy', idp.id, '--set', 'healthCheckInterval=120', '--set', 'recoveryCooldownInterval=720', '--dry-run']);
		expect(dry.stdout).toContain(`PUT /api/v2/idps/${idp.id}/offline-mode/health-policy`);
		expect(policyPuts()).toBe(0);
		const result = await run(['idps', 'health-policy', idp.id, '--set', 'healthCheckInterval=120', '--set', 'recoveryCooldownInterval=720']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('It now checks every 2 min with a 3 s timeout; after 3 failed checks (about 6 min)');
		expect(await env.client.idps.getHealthPolicy(idp.id)).toMatchObject({healthCheckInterval: 120, recoveryCooldownInterval: 720, failureThreshold: 3});
		expect(await auditText()).toMatch(/"action":"idps.health-policy".*"outcome":"ok"/);
	});
});

describe.runIf(ldap)('directories', () => {
	let directoryId: string;

	it('create --preset openldap needs the credential: without OAG_BIND_CREDENTIAL or a terminal it is a usage error', async () => {
		const result = await run(['directories', 'create', idp.id, '--preset', 'openldap', '--url', slapd.url, '--bind-dn', slapd.bindDn]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('OAG_BIND_CREDENTIAL');
		expect(await env.client.directories.list(idp.id)).toEqual([]);
	});

	it('create --preset openldap with the credential typed at a (hidden) prompt, then list', async () => {
		const result = await run(['directories', 'create', idp.id, '--preset', 'openldap', '--url', slapd.url, '--bind-dn', slapd.bindDn, '--json'], {answers: [slapd.bindPassword]});
		expect(result.code).toBe(0);
		expect(result.prompts).toEqual([`Bind credential for ${slapd.bindDn} (not shown): `]);
		const outcome = JSON.parse(result.stdout);
		expect(outcome).toMatchObject({ok: true, after: {type: 'OPEN_LDAP', config: DIRECTORY_PRESETS.OPEN_LDAP.config(slapd.suffix)}});
		expect(outcome.notes).toContain("Directory changes reach offline sign-in at the gateway's next hourly sync.");
		directoryId = outcome.after.id;
		const list = await run(['directories', 'list', idp.name]);
		expect(list.stdout).toContain(`${directoryId}  OPEN_LDAP  ${slapd.url}`);
	});

	it('test goes through the gateway (a real bind): ok with the right credential, the reason with a wrong one', async () => {
		process.env.OAG_BIND_CREDENTIAL = slapd.bindPassword;
		const good = await run(['directories', 'test', idp.id, slapd.url]);
		expect(good).toMatchObject({code: 0});
		expect(good.stdout).toContain(`The gateway bound to ${slapd.url} as ${slapd.bindDn}.`);
		const wrongSecret = 'Wrong-Bind-Credential-99';
		process.env.OAG_BIND_CREDENTIAL = wrongSecret;
		const bad = await run(['directories', 'test', idp.id, directoryId, '--json']);
		expect(bad.code).toBe(1);
		expect(JSON.parse(bad.stderr).error.message).toMatch(/could not bind .*invalid credentials/i);
		expect(bad.stderr + bad.stdout).not.toContain(wrongSecret);
	});

	it('check runs the local pre-flight: every step passes with the seed counts; a wrong credential fails at bind', async () => {
		process.env.OAG_BIND_CREDENTIAL = slapd.bindPassword;
		const text = await run(['directories', 'check', idp.id, directoryId]);
		expect(text.code).toBe(0);
		expect(text.stdout).toMatch(/^ok {3}User search {2}5 users under ou=users,dc=example,dc=com \(\d+ ms\)$/m);
		expect(text.stdout).toMatch(/^ {7}group engineers {2}3 members: uid=alice/m);
		expect(text.stdout).toContain('Pre-flight passed.');
		process.env.OAG_BIND_CREDENTIAL = 'Another-Wrong-One-12';
		const json = await run(['directories', 'check', idp.id, directoryId, '--json']);
		expect(json.code).toBe(1);
		const report = JSON.parse(json.stdout);
		expect(report.steps.map((s: {status: string}) => s.status)).toEqual(['pass', 'pass', 'warn', 'fail', 'skip', 'skip']);
		expect(json.stdout).not.toContain('Another-Wrong-One-12');
	});

	it('check and test also take a directory not created yet (preset and flags), or flags over the stored one', async () => {
		process.env.OAG_BIND_CREDENTIAL = slapd.bindPassword;
		const fresh = ['--preset', 'openldap', '--url', slapd.url, '--bind-dn', slapd.bindDn];
		const good = await run(['directories', 'check', idp.id, ...fresh, '--json']);
		expect(good.code).toBe(0);
		const wrongAttribute = await run(['directories', 'check', idp.id, ...fresh, '--config', 'usernameLDAPAttribute=sAMAccountName']);
		expect(wrongAttribute.code).toBe(1);
		expect(wrongAttribute.stdout).toMatch(/^FAIL User search {2}5 users under .*none of the 5 has sAMAccountName \(usernameLDAPAttribute\)/m);
		const wrongBase = await run(['directories', 'check', idp.id, directoryId, '--config', `userSearchDn=ou=people,${slapd.suffix}`]);
		expect(wrongBase.stdout).toContain(`userSearchDn ou=people,${slapd.suffix} does not exist on the server`);
		expect((await run(['directories', 'test', idp.id, ...fresh])).code).toBe(0);
		const closed = await run(['directories', 'test', idp.id, directoryId, '--url', 'ldap://127.0.0.1:1']);
		expect(closed.code).toBe(1);
		expect(closed.stderr).toMatch(/could not bind to ldap:\/\/127\.0\.0\.1:1/);
		expect(await env.client.directories.list(idp.id)).toHaveLength(1);
	});

	it('update keeps the stored credential unless --new-credential, and says so', async () => {
		const result = await run(['directories', 'update', idp.id, directoryId, '--config', 'usernameLDAPAttribute=mail']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('(bind credential kept): done and verified');
		expect(result.stdout).toContain('The stored bind credential was kept.');
		expect((await env.client.directories.get(idp.id, directoryId)).config.usernameLDAPAttribute).toBe('mail');
		// The stored URL and bind DN still bind with the original credential. (The gateway test always takes the
		// credential from the caller, so this cannot see the stored one: test/ui/directoryCredentialKept.test.tsx
		// checks on the wire that an edit without a new credential sends none.)
		process.env.OAG_BIND_CREDENTIAL = slapd.bindPassword;
		expect((await run(['directories', 'test', idp.id, directoryId])).code).toBe(0);
		const audit = await auditText();
		expect(audit).toMatch(/"action":"directories.update"/);
	});

	it('delete needs DELETE typed (or --yes); without a terminal it is refused before anything is sent', async () => {
		const refused = await run(['directories', 'delete', idp.id, directoryId]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/pass --yes/);
		const typedWrong = await run(['directories', 'delete', idp.id, directoryId], {answers: ['delete']});
		expect(typedWrong.code).toBe(1);
		expect(await env.client.directories.list(idp.id)).toHaveLength(1);
		const done = await run(['directories', 'delete', idp.id, directoryId], {answers: ['DELETE']});
		expect(done.code).toBe(0);
		expect(done.prompts[0]).toMatch(/cannot be undone here/);
		expect(done.stdout).toContain('recreating it needs the bind credential again');
		expect(await env.client.directories.list(idp.id)).toEqual([]);
	});

	it("create --file BODY.json takes the API's own body, credential included; flags override it", async () => {
		const file = path.join(dir, 'directory.json');
		const body = {
			type: 'ACTIVE_DIRECTORY',
			connection: {connectionUrl: 'ldap://127.0.0.1:3389', bindDn: slapd.bindDn, bindCredential: slapd.bindPassword},
			config: DIRECTORY_PRESETS.ACTIVE_DIRECTORY.config(slapd.suffix),
		};
		await writeFile(file, JSON.stringify(body));
		const result = await run(['directories', 'create', idp.id, '--file', file, '--url', slapd.url, '--json']);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout).after).toMatchObject({type: 'ACTIVE_DIRECTORY', connection: {connectionUrl: slapd.url}});
		const dry = await run(['directories', 'create', idp.id, '--file', file, '--dry-run']);
		expect(dry.stdout).toContain('"bindCredential": "[redacted]"');
		const id = JSON.parse(result.stdout).after.id;
		expect((await run(['directories', 'delete', idp.id, id, '--yes'])).code).toBe(0);
	});
});

describe('idps failover AUTOMATIC on an IdP without a directory', () => {
	it('warns that offline sign-in will find no users and asks for AUTOMATIC to be typed (or --yes)', async () => {
		await env.client.idps.setFailoverMode(idp.id, 'DISABLED');
		for (const d of await env.client.directories.list(idp.id)) await env.client.directories.remove(idp.id, d.id);
		const refused = await run(['idps', 'failover', idp.id, 'AUTOMATIC']);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/has no offline directory: with failover AUTOMATIC, offline sign-in will find no users/);
		expect((await env.client.idps.getFailoverMode(idp.id)).mode).toBe('DISABLED');
		const asked = await run(['idps', 'failover', idp.id, 'AUTOMATIC'], {answers: ['AUTOMATIC']});
		expect(asked.code).toBe(0);
		expect(asked.prompts[0]).toMatch(/will find no users[\s\S]*Type AUTOMATIC to confirm/);
		expect((await env.client.idps.getFailoverMode(idp.id)).mode).toBe('AUTOMATIC');
		await env.client.idps.setFailoverMode(idp.id, 'DISABLED');
	});
});
