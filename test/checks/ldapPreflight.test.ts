import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {checkLdapDirectory} from '../../source/checks/ldap/preflight.js';
import type {LdapCheckReport, LdapCheckTarget, StepId} from '../../source/checks/ldap/types.js';
import {DIRECTORY_PRESETS} from '../../source/domain/directoryPresets.js';
import {slapdAvailable, startSlapd, type Slapd} from '../helpers/slapd.js';

// The local pre-flight against real slapd servers on loopback: one with TLS (ldaps:// and StartTLS, a
// certificate from a fresh test CA), one without (to see StartTLS refused). Seed: 5 users, 2 groups.

const available = slapdAvailable();
let tls: Slapd;
let plain: Slapd;

beforeAll(async () => {
	if (!available) return;
	[tls, plain] = await Promise.all([startSlapd({tls: true}), startSlapd()]);
}, 30_000);
afterAll(async () => {
	await Promise.all([tls?.stop(), plain?.stop()]);
});

const targetFor = (server: Slapd, overrides: Partial<LdapCheckTarget> = {}, config: Partial<LdapCheckTarget['config']> = {}): LdapCheckTarget => ({
	connectionUrl: server.url,
	bindDn: server.bindDn,
	bindCredential: server.bindPassword,
	...overrides,
	config: {...DIRECTORY_PRESETS.OPEN_LDAP.config(server.suffix), ...config},
});

const statuses = (report: LdapCheckReport) => Object.fromEntries(report.steps.map(s => [s.id, s.status]));
const stepOf = (report: LdapCheckReport, id: StepId) => report.steps.find(s => s.id === id)!;
const skippedAfter = (report: LdapCheckReport, id: StepId) => {
	const ids = report.steps.map(s => s.id);
	return report.steps.slice(ids.indexOf(id) + 1).every(s => s.status === 'skip' && s.reason.startsWith('not run:'));
};

describe.runIf(available)('LDAP pre-flight against slapd', () => {
	it('a good OpenLDAP config over plain ldap:// passes every step but TLS (a warning), with the right counts', async () => {
		const report = await checkLdapDirectory(targetFor(tls));
		expect(statuses(report)).toEqual({dns: 'pass', tcp: 'pass', tls: 'warn', bind: 'pass', users: 'pass', groups: 'pass'});
		expect(report.ok).toBe(true);
		expect(stepOf(report, 'tls').reason).toMatch(/unencrypted/);
		const users = stepOf(report, 'users').users!;
		expect(users.count).toBe(tls.seed.users.length);
		expect(users.samples).toHaveLength(3);
		for (const sample of users.samples) {
			expect(tls.seed.users).toContain(sample.username);
			expect(sample.uniqueId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/); // entryUUID
			expect(sample.dn).toBe(`uid=${sample.username},ou=users,${tls.suffix}`);
		}
		const groups = stepOf(report, 'groups').groups!;
		expect(groups.count).toBe(2);
		const engineers = groups.samples.find(g => g.name === 'engineers')!;
		expect(engineers.memberCount).toBe(3);
		expect(engineers.members[0]).toBe(`uid=alice,ou=users,${tls.suffix}`);
		expect(report.steps.every(s => Number.isInteger(s.ms) && s.ms >= 0)).toBe(true);
	});

	it('counting stops at maxCount and says so', async () => {
		const report = await checkLdapDirectory(targetFor(tls), {maxCount: 3});
		expect(stepOf(report, 'users')).toMatchObject({status: 'pass', reason: `3 or more users under ou=users,${tls.suffix}`, users: {count: 3}});
		expect(stepOf(report, 'groups').reason).toBe(`2 groups under ou=groups,${tls.suffix}`);
	});

	it('ldaps:// with the test CA passes the TLS step with the certificate verified', async () => {
		const report = await checkLdapDirectory(targetFor(tls, {connectionUrl: tls.ldapsUrl!}), {caPem: tls.caPem!});
		expect(statuses(report)).toEqual({dns: 'pass', tcp: 'pass', tls: 'pass', bind: 'pass', users: 'pass', groups: 'pass'});
		expect(stepOf(report, 'tls').reason).toMatch(/^ldaps: TLSv1\.[23], certificate for 127\.0\.0\.1 from oag-offline simulator CA/);
	});

	it('StartTLS on ldap:// with the test CA passes and then binds over the upgraded connection', async () => {
		const report = await checkLdapDirectory(targetFor(tls), {caPem: tls.caPem!, startTls: true});
		expect(statuses(report)).toEqual({dns: 'pass', tcp: 'pass', tls: 'pass', bind: 'pass', users: 'pass', groups: 'pass'});
		expect(stepOf(report, 'tls').reason).toMatch(/^StartTLS: TLSv1\.[23]/);
	});

	it('an untrusted certificate fails at TLS, on ldaps:// and on StartTLS, and nothing is bound', async () => {
		for (const [target, options] of [
			[targetFor(tls, {connectionUrl: tls.ldapsUrl!}), {}],
			[targetFor(tls), {startTls: true}],
		] as const) {
			const report = await checkLdapDirectory(target, options);
			expect(stepOf(report, 'tls')).toMatchObject({status: 'fail'});
			expect(stepOf(report, 'tls').reason).toMatch(/certificate is not trusted/);
			expect(skippedAfter(report, 'tls')).toBe(true);
			expect(report.ok).toBe(false);
		}
	});

	it('a server without TLS refuses StartTLS, and ldaps:// to its plain port is named as such', async () => {
		const refused = await checkLdapDirectory(targetFor(plain), {startTls: true, caPem: tls.caPem!});
		expect(stepOf(refused, 'tls').status).toBe('fail');
		expect(stepOf(refused, 'tls').reason).toMatch(/refused StartTLS/);
		const wrongPort = await checkLdapDirectory(targetFor(plain, {connectionUrl: plain.url.replace('ldap:', 'ldaps:')}), {timeoutMs: 2000});
		expect(stepOf(wrongPort, 'tls').status).toBe('fail');
		expect(stepOf(wrongPort, 'tls').reason).toMatch(/does not speak TLS|TLS handshake/);
	});

	it('a wrong bind password fails at bind, and the credential appears nowhere in the report', async () => {
		const wrong = 'Wr0ng-s3cret-credential';
		const report = await checkLdapDirectory(targetFor(tls, {bindCredential: wrong}));
		expect(stepOf(report, 'bind')).toMatchObject({status: 'fail', reason: `the server refused ${tls.bindDn} with this password (invalid credentials)`});
		expect(skippedAfter(report, 'bind')).toBe(true);
		expect(JSON.stringify(report)).not.toContain(wrong);
		const good = await checkLdapDirectory(targetFor(tls));
		expect(JSON.stringify(good)).not.toContain(tls.bindPassword);
	});

	it('a wrong user base DN fails the user search naming the field', async () => {
		const report = await checkLdapDirectory(targetFor(tls, {}, {userSearchDn: `ou=people,${tls.suffix}`}));
		expect(stepOf(report, 'users')).toMatchObject({status: 'fail', reason: `userSearchDn ou=people,${tls.suffix} does not exist on the server`});
		expect(stepOf(report, 'groups').status).toBe('skip');
	});

	it('a wrong username attribute fails the user search: no user has it', async () => {
		const report = await checkLdapDirectory(targetFor(tls, {}, {usernameLDAPAttribute: 'sAMAccountName'}));
		expect(stepOf(report, 'users')).toMatchObject({status: 'fail'});
		expect(stepOf(report, 'users').reason).toBe(`5 users under ou=users,${tls.suffix}, but none of the 5 has sAMAccountName (usernameLDAPAttribute)`);
		expect(stepOf(report, 'users').users!.samples[0]!.username).toBeUndefined();
	});

	it('a filter matching nobody and a wrong member attribute each fail their search', async () => {
		const nobody = await checkLdapDirectory(targetFor(tls, {}, {userObjectFilter: '(objectClass=user)'}));
		expect(stepOf(nobody, 'users').reason).toMatch(/^no entry under .* matches \(objectClass=user\)/);
		const members = await checkLdapDirectory(targetFor(tls, {}, {memberAttribute: 'member'}));
		expect(stepOf(members, 'groups')).toMatchObject({status: 'fail'});
		expect(stepOf(members, 'groups').reason).toMatch(/none of the 2 has member \(memberAttribute\)/);
	});

	it('an unreachable port fails at TCP; a name that does not resolve fails at DNS; a bad URL stops at once', async () => {
		const closed = await checkLdapDirectory(targetFor(tls, {connectionUrl: 'ldap://127.0.0.1:1'}));
		expect(stepOf(closed, 'tcp')).toMatchObject({status: 'fail', reason: '127.0.0.1:1 refused the connection: nothing listens on that port'});
		expect(skippedAfter(closed, 'tcp')).toBe(true);
		const unknown = await checkLdapDirectory(targetFor(tls, {connectionUrl: 'ldap://no-such-host.invalid:389'}), {timeoutMs: 2000});
		expect(stepOf(unknown, 'dns').status).toBe('fail');
		expect(stepOf(unknown, 'dns').reason).toMatch(/no-such-host\.invalid/);
		const bad = await checkLdapDirectory(targetFor(tls, {connectionUrl: 'http://127.0.0.1'}));
		expect(bad.steps.map(s => s.status)).toEqual(['fail', 'skip', 'skip', 'skip', 'skip', 'skip']);
	});
});
