import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {checkLdapDirectory} from '../../source/checks/ldap/preflight.js';
import type {LdapCheckOptions, LdapCheckReport, LdapCheckTarget} from '../../source/checks/ldap/types.js';
import {DIRECTORY_PRESETS} from '../../source/domain/directoryPresets.js';
import {slapdAvailable, startSlapd, type Slapd} from '../helpers/slapd.js';
import {openSim, type SimFixture} from '../simulator/support.js';

// The two tests of a directory, side by side on the same cases against one real slapd: the gateway's
// test-directory-connection (a bind only, here the simulator's) and the local pre-flight. Where both
// can see a fault they must fail on it the same way; where only the local one can (a wrong base DN or
// username attribute), the gateway's test passes and the local one names the step: that is the reason
// the local pre-flight exists (it catches these before the hourly sync does).

const available = slapdAvailable();
let slapd: Slapd;
let f: SimFixture;
let testPath: string;

beforeAll(async () => {
	if (!available) return;
	slapd = await startSlapd({tls: true});
	// The simulated gateway node trusts the directory's CA, as an admin would configure it on the gateway.
	f = await openSim({ldapCaPem: slapd.caPem!});
	const idpId = (await f.call('GET', '/api/v2/idps')).json[0].id as string;
	testPath = `/api/v2/idps/${idpId}/offline-mode/test-directory-connection`;
}, 30_000);
afterAll(async () => {
	await Promise.all([slapd?.stop(), f?.close()]);
});

type Case = {connection?: Partial<LdapCheckTarget>; config?: Partial<LdapCheckTarget['config']>; options?: LdapCheckOptions};

async function bothWays(c: Case): Promise<{gateway: {status: number; reason?: string}; local: LdapCheckReport}> {
	const target: LdapCheckTarget = {
		connectionUrl: slapd.url,
		bindDn: slapd.bindDn,
		bindCredential: slapd.bindPassword,
		...c.connection,
		config: {...DIRECTORY_PRESETS.OPEN_LDAP.config(slapd.suffix), ...c.config},
	};
	const [reply, local] = await Promise.all([
		f.call('POST', testPath, {connectionUrl: target.connectionUrl, bindDn: target.bindDn, bindCredential: target.bindCredential}),
		checkLdapDirectory(target, {timeoutMs: 3000, ...c.options}),
	]);
	return {gateway: {status: reply.status, ...(reply.status === 204 ? {} : {reason: String(reply.json?.errorSummary)})}, local};
}

const firstFailure = (report: LdapCheckReport) => report.steps.find(s => s.status === 'fail');

describe.runIf(available)('gateway test and local pre-flight on the same directory', () => {
	it('a good config: the gateway answers 204 and every local step passes (TLS verified over ldaps with the CA)', async () => {
		for (const c of [{}, {connection: {connectionUrl: slapd.ldapsUrl!}, options: {caPem: slapd.caPem!}}] as Case[]) {
			const {gateway, local} = await bothWays(c);
			expect(gateway).toEqual({status: 204});
			expect(local.ok).toBe(true);
			expect(firstFailure(local)).toBeUndefined();
		}
	});

	it('a wrong bind password: both fail on the bind, both say invalid credentials, neither echoes it', async () => {
		const wrong = 'Not-The-Bind-Password-7';
		const {gateway, local} = await bothWays({connection: {bindCredential: wrong}});
		expect(gateway.status).toBe(400);
		expect(gateway.reason).toMatch(/^Directory bind failed: invalid credentials/);
		expect(firstFailure(local)).toMatchObject({id: 'bind', reason: expect.stringMatching(/invalid credentials/)});
		expect(JSON.stringify({gateway, local})).not.toContain(wrong);
	});

	it('a wrong bind DN fails the bind both ways too', async () => {
		const {gateway, local} = await bothWays({connection: {bindDn: `cn=nobody,${slapd.suffix}`}});
		expect(gateway.status).toBe(400);
		expect(gateway.reason).toMatch(/^Directory bind failed: invalid credentials/);
		expect(firstFailure(local)?.id).toBe('bind');
	});

	it('an unreachable port: both fail before any bind (the local check says at TCP)', async () => {
		const {gateway, local} = await bothWays({connection: {connectionUrl: 'ldap://127.0.0.1:1'}});
		expect(gateway.status).toBe(400);
		expect(gateway.reason).toMatch(/^Directory bind failed: /);
		expect(firstFailure(local)).toMatchObject({id: 'tcp', reason: expect.stringMatching(/refused the connection/)});
	});

	it('a wrong user base DN or username attribute: the gateway bind passes, the local check fails at the user search', async () => {
		const wrongBase = await bothWays({config: {userSearchDn: `ou=people,${slapd.suffix}`}});
		expect(wrongBase.gateway).toEqual({status: 204});
		expect(firstFailure(wrongBase.local)).toMatchObject({id: 'users', reason: `userSearchDn ou=people,${slapd.suffix} does not exist on the server`});

		const wrongAttribute = await bothWays({config: {usernameLDAPAttribute: 'sAMAccountName'}});
		expect(wrongAttribute.gateway).toEqual({status: 204});
		expect(firstFailure(wrongAttribute.local)).toMatchObject({id: 'users', reason: expect.stringMatching(/none of the 5 has sAMAccountName \(usernameLDAPAttribute\)/)});

		const wrongGroups = await bothWays({config: {groupSearchDn: `ou=teams,${slapd.suffix}`}});
		expect(wrongGroups.gateway).toEqual({status: 204});
		expect(firstFailure(wrongGroups.local)?.id).toBe('groups');
	});

	it('an untrusted certificate (ldaps, the CA not given) fails the local check at TLS before the credential is sent', async () => {
		const {local} = await bothWays({connection: {connectionUrl: slapd.ldapsUrl!}});
		expect(firstFailure(local)).toMatchObject({id: 'tls', reason: expect.stringMatching(/certificate is not trusted/)});
		expect(local.steps.find(s => s.id === 'bind')?.status).toBe('skip');
		// A gateway node that does not trust the directory's CA refuses the same way: no bind.
		const untrusting = await openSim();
		try {
			const idpId = (await untrusting.call('GET', '/api/v2/idps')).json[0].id as string;
			const reply = await untrusting.call('POST', `/api/v2/idps/${idpId}/offline-mode/test-directory-connection`, {
				connectionUrl: slapd.ldapsUrl!,
				bindDn: slapd.bindDn,
				bindCredential: slapd.bindPassword,
			});
			expect(reply.status).toBe(400);
			expect(String(reply.json?.errorSummary)).toMatch(/certificate|self.signed|verify/i);
			expect(String(reply.json?.errorSummary)).not.toContain(slapd.bindPassword);
		} finally {
			await untrusting.close();
		}
	});
});
