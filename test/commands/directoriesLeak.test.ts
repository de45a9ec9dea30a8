import {randomBytes} from 'node:crypto';
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {DIRECTORY_PRESETS} from '../../source/domain/directoryPresets.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {baseEnv, runCli, type CliResult} from '../helpers/oagCli.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {slapdAvailable, startSlapd, type Slapd} from '../helpers/slapd.js';

// The real binary, every directories path that handles a bind credential (create from the environment and
// from a --file body, a dry run, a create the gateway refuses, update keeping it and with --new-credential,
// the gateway test and the local check, right and wrong, delete, the audit listing): no credential in any
// stdout, stderr, the audit log or any file the CLI wrote. The twin of authServiceLeak for issue 10.
vi.setConfig({testTimeout: 180_000, hookTimeout: 120_000});

const ldap = slapdAvailable();
let sim: RunningSimulator;
let slapd: Slapd;
let dir: string;

beforeAll(async () => {
	if (!ldap) return;
	[sim, slapd] = await Promise.all([startTestSimulator({http: true}), startSlapd()]);
	dir = await mkdtemp(path.join(tmpdir(), 'oag-bind-leak-'));
});
afterAll(async () => {
	await sim?.close();
	await slapd?.stop();
	if (dir) await rm(dir, {recursive: true, force: true});
});

async function filesUnder(root: string): Promise<string[]> {
	const entries = await readdir(root, {withFileTypes: true, recursive: true}).catch(() => []);
	return entries.filter(entry => entry.isFile()).map(entry => path.join(entry.parentPath, entry.name));
}

describe.runIf(ldap)('no bind credential leaks', () => {
	it('from any directories command, in outputs, the audit log or files', async () => {
		const secret = (label: string) => `${label}-${randomBytes(10).toString('hex')}`;
		const wrong = {test: secret('wrongtest'), check: secret('wrongcheck'), refused: secret('refused'), dry: secret('dry'), renewed: secret('renewed')};
		const config = path.join(dir, 'config');
		const temp = path.join(dir, 'tmp');
		const inputs = path.join(dir, 'inputs'); // the admin's own body file: not searched (it holds the secret by design)
		await Promise.all([mkdir(temp), mkdir(inputs)]);
		const env = baseEnv({OAG_CONFIG_DIR: config, TMPDIR: temp});
		const target = ['--host', sim.url, '--client-id', sim.clientId, '--key-file', sim.keyFile];
		const runs: CliResult[] = [];
		const run = async (args: string[], credential?: string): Promise<CliResult> => {
			const result = await runCli([...args, ...target], {env: {...env, ...(credential === undefined ? {} : {OAG_BIND_CREDENTIAL: credential})}});
			runs.push(result);
			return result;
		};
		const idp = (JSON.parse((await run(['idps', 'list', '--json'])).stdout) as Array<{id: string}>)[1]!.id;
		const preset = ['--preset', 'openldap', '--url', slapd.url, '--bind-dn', slapd.bindDn];

		const created = await run(['directories', 'create', idp, ...preset, '--json'], slapd.bindPassword);
		expect(created.code).toBe(0);
		const directoryId = (JSON.parse(created.stdout) as {after: {id: string}}).after.id;
		// A refused create (a bad bind DN): the error path echoes no request value.
		const refused = await run(['directories', 'create', idp, '--preset', 'openldap', '--url', slapd.url, '--bind-dn', 'not a dn', '--json'], wrong.refused);
		expect(refused.code).not.toBe(0);

		const bodyFile = path.join(inputs, 'directory.json');
		await writeFile(bodyFile, JSON.stringify({type: 'OPEN_LDAP', connection: {connectionUrl: slapd.url, bindDn: slapd.bindDn, bindCredential: wrong.dry}, config: DIRECTORY_PRESETS.OPEN_LDAP.config(slapd.suffix)}));
		expect((await run(['directories', 'create', idp, '--file', bodyFile, '--dry-run'])).code).toBe(0);

		expect((await run(['directories', 'test', idp, directoryId], slapd.bindPassword)).code).toBe(0);
		expect((await run(['directories', 'test', idp, directoryId, '--json'], wrong.test)).code).toBe(1);
		expect((await run(['directories', 'check', idp, directoryId, '--json'], slapd.bindPassword)).code).toBe(0);
		expect((await run(['directories', 'check', idp, directoryId], wrong.check)).code).toBe(1);

		expect((await run(['directories', 'update', idp, directoryId, '--config', 'usernameLDAPAttribute=mail', '--json'])).code).toBe(0);
		expect((await run(['directories', 'update', idp, directoryId, '--new-credential', '--dry-run'], wrong.renewed)).code).toBe(0);
		expect((await run(['directories', 'update', idp, directoryId, '--new-credential'], wrong.renewed)).code).toBe(0);
		expect((await run(['directories', 'list', idp, '--json'])).code).toBe(0);
		expect((await run(['directories', 'delete', idp, directoryId, '--yes'])).code).toBe(0);
		expect((await run(['audit', '--json'])).code).toBe(0);

		const files = [...(await filesUnder(config)), ...(await filesUnder(temp))];
		const auditFile = files.find(file => file.endsWith('audit.jsonl'));
		expect(auditFile).toBeDefined();
		const audit = (await readFile(auditFile!, 'utf8')).trim().split('\n').map(line => JSON.parse(line) as {action: string; outcome: string});
		// The search is not vacuous: the audit log holds the creates, updates and the delete.
		expect(audit.map(line => line.action)).toEqual(expect.arrayContaining(['directories.create', 'directories.update', 'directories.delete']));
		const secrets = [slapd.bindPassword, ...Object.values(wrong)];
		const haystacks: Array<[string, string]> = runs.flatMap((result, index): Array<[string, string]> => [
			[`run ${index} stdout`, result.stdout],
			[`run ${index} stderr`, result.stderr],
		]);
		for (const file of files) haystacks.push([file, await readFile(file, 'latin1')]);
		const leaks = haystacks.flatMap(([where, text]) => secrets.filter(s => text.includes(s)).map(s => `${where}: ${s.slice(0, 8)}…`));
		expect(leaks).toEqual([]);
	});
});
