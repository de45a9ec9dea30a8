import {describe, expect, it} from 'vitest';
import {DirectoryCreateRequest, paths} from '../../source/api/schemas/index.js';
import {InvalidArgumentError} from 'commander';
import {mergeBody} from '../../source/commands/bodyFile.js';
import {choice, duration} from '../../source/commands/parsers.js';
import {maskSecrets, printDryRun} from '../../source/commands/dryRun.js';
import {jsonText, printable} from '../../source/commands/output.js';
import {resolveItem} from '../../source/commands/resolveItem.js';
import {CommandFailure} from '../../source/commands/run.js';
import {closeMatches} from '../../source/commands/suggest.js';
import {memoryIo} from './inProcess.js';

// The pieces of the command context that need no gateway: name resolution, masking, merging, escaping.

const items = [
	{id: 'a1', name: 'Okta Production'},
	{id: 'a2', name: 'okta production'},
	{id: 'b1', name: 'Okta Staging'},
	{id: 'c1', name: 'Payroll \u001b]0;pwned\u0007'},
];

function failureOf(run: () => unknown): CommandFailure {
	try {
		run();
	} catch (error) {
		if (error instanceof CommandFailure) return error;
		throw error;
	}
	throw new Error('expected a failure');
}

describe('resolveItem', () => {
	it('an id wins, then a unique name in any case', () => {
		expect(resolveItem(items, 'a2', 'IdP').id).toBe('a2');
		expect(resolveItem(items, 'OKTA staging', 'IdP').id).toBe('b1');
	});

	it('two items of one name are ambiguous: both listed with their ids, exit 2', () => {
		const failure = failureOf(() => resolveItem(items, 'Okta Production', 'IdP'));
		expect(failure.exitCode).toBe(2);
		expect(failure.kind).toBe('ambiguous');
		expect(failure.message).toBe('2 IdPs are named "Okta Production": Okta Production (id a1), okta production (id a2); give the id instead');
	});

	it('an unknown name lists close matches, and gateway names are escaped', () => {
		const failure = failureOf(() => resolveItem(items, 'Okta Stagin', 'app'));
		expect(failure.exitCode).toBe(2);
		expect(failure.message).toBe('no app with the id or name "Okta Stagin"; close matches: "Okta Staging"');
		const hostile = failureOf(() => resolveItem(items, 'Payroll', 'app'));
		expect(hostile.message).toContain('"Payroll \\\\u001b]0;pwned\\\\u0007"');
		expect(hostile.message).not.toMatch(/\u001b/);
	});
});

describe('closeMatches', () => {
	it('finds typos and partial names, closest first', () => {
		expect(closeMatches('statsu', ['status', 'simulator', 'login'])).toEqual(['status']);
		expect(closeMatches('payroll', ['payroll-eu', 'Payroll US', 'crm']).sort()).toEqual(['Payroll US', 'payroll-eu'].sort());
		expect(closeMatches('zzz', ['status', 'login'])).toEqual([]);
	});
});

describe('--dry-run output', () => {
	const body: DirectoryCreateRequest = {
		type: 'OPEN_LDAP',
		connection: {connectionUrl: 'ldaps://ldap.corp:636', bindDn: 'cn=admin,dc=corp', bindCredential: 'Hunter2 "quoted" \\ %41'},
		config: {
			usernameLDAPAttribute: 'uid',
			uniqueIdAttribute: 'entryUUID',
			userSearchDn: 'ou=people,dc=corp',
			userObjectClasses: ['inetOrgPerson'],
			userObjectFilter: '(objectClass=inetOrgPerson)',
			groupNameLDAPAttribute: 'cn',
			groupSearchDn: 'ou=groups,dc=corp',
			groupObjectClasses: ['groupOfNames'],
			memberAttribute: 'member',
			memberUserAttribute: 'dn',
			rdnLdapAttribute: 'uid',
		},
	};

	it('masks write-only secrets at any depth and keeps everything else', () => {
		expect(maskSecrets({database: {username: 'oag', password: 'pw', host: 'db'}, list: [{secret: 's'}]})).toEqual({
			database: {username: '[redacted]', password: '[redacted]', host: 'db'},
			list: [{secret: '[redacted]'}],
		});
		expect(maskSecrets(body)).toMatchObject({connection: {bindCredential: '[redacted]', bindDn: 'cn=admin,dc=corp'}, config: {usernameLDAPAttribute: 'uid'}});
	});

	it('prints method, path and masked body, as text and as JSON', () => {
		for (const json of [false, true]) {
			const io = memoryIo();
			printDryRun(io, json, [{method: 'POST', path: paths.directories('idp 1'), body}, {method: 'DELETE', path: paths.directory('idp 1', 'd1')}]);
			const out = io.out.join('');
			expect(out).not.toContain('Hunter2');
			expect(io.err).toEqual([]);
			if (json) {
				expect(JSON.parse(out)).toMatchObject({dryRun: true, requests: [{method: 'POST', path: '/api/v2/idps/idp%201/offline-mode/directories'}, {method: 'DELETE'}]});
			} else {
				expect(out).toMatch(/^Dry run: these 2 requests were not sent\.\nPOST \/api\/v2\/idps\/idp%201\/offline-mode\/directories\n\{/);
				expect(out).toMatch(/\nDELETE \/api\/v2\/idps\/idp%201\/offline-mode\/directories\/d1\n$/);
			}
		}
	});
});

describe('mergeBody', () => {
	it('merges objects member by member, replaces arrays, skips undefined flags and prototype keys', () => {
		const merged = mergeBody({a: 1, nested: {x: 1, y: 2}, list: [1, 2]}, JSON.parse('{"nested": {"y": 3}, "list": [9], "__proto__": {"polluted": true}}'));
		expect(merged).toEqual({a: 1, nested: {x: 1, y: 3}, list: [9]});
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(mergeBody(merged, {a: undefined, nested: {x: 7}})).toEqual({a: 1, nested: {x: 7, y: 3}, list: [9]});
	});
});

describe('output escaping', () => {
	it('text shows control characters as escapes; JSON keeps the value and escapes C1 and bidi controls too', () => {
		const hostile = 'name\u001b[2J\r\u009b31m\u202eevil';
		expect(printable(hostile)).toBe('name\\u001b[2J\\u000d\\u009b31m\\u202eevil');
		const text = jsonText({hostile});
		expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
		expect(JSON.parse(text)).toEqual({hostile});
	});
});

describe('argument parsers for the commands', () => {
	it('choice takes any case and lists the values otherwise', () => {
		const mode = choice(['AUTOMATIC', 'DISABLED'] as const, 'failover mode');
		expect(mode('automatic')).toBe('AUTOMATIC');
		expect(mode(' Disabled ')).toBe('DISABLED');
		expect(() => mode('auto')).toThrow(InvalidArgumentError);
		expect(() => mode('auto')).toThrow('unknown failover mode "auto" (one of: AUTOMATIC, DISABLED)');
	});

	it('duration reads s, m, h, d and w', () => {
		expect(duration('90s')).toBe(90_000);
		expect(duration('15m')).toBe(900_000);
		expect(duration('2h')).toBe(7_200_000);
		expect(duration('7d')).toBe(604_800_000);
		expect(duration('2w')).toBe(1_209_600_000);
		for (const bad of ['', '2', 'h', '1.5h', '-1h', '0m', '2y']) expect(() => duration(bad)).toThrow(InvalidArgumentError);
	});
});
