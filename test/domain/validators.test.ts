import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	collect,
	distinguishedName,
	domainName,
	hostname,
	ldapFilter,
	ldapUrl,
	nonEmptyList,
	port,
	portText,
	uuid,
} from '../../source/domain/validators.js';

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
const topLabel = fc.stringMatching(/^[a-z]{2,10}$/);
const domain = fc
	.tuple(fc.array(label, {minLength: 1, maxLength: 3}), topLabel)
	.map(([parts, top]) => [...parts, top].join('.'));

describe('field validators', () => {
	it('ports: exactly the integers 1..65535', () => {
		fc.assert(fc.property(fc.integer({min: 1, max: 65535}), p => port(p) === undefined && portText(String(p)) === undefined));
		fc.assert(fc.property(fc.integer().filter(p => p < 1 || p > 65535), p => port(p) !== undefined));
		for (const bad of ['', 'abc', '3306x', '1.5', '-1']) expect(portText(bad)).toBeDefined();
	});

	it('host names: dotted labels and IPv4, nothing else', () => {
		fc.assert(fc.property(domain, d => hostname(d) === undefined && domainName(d) === undefined));
		expect(hostname('10.0.0.12')).toBeUndefined();
		expect(hostname('300.1.1.1')).toBe('Not a valid IPv4 address.');
		for (const bad of ['', 'has space.com', '-lead.example.com', 'under_score.com', 'a..b', '0.0', '10.0.1']) {
			expect(hostname(bad)).toBeDefined();
		}
		expect(domainName('localhost')).toMatch(/fully qualified/);
		expect(domainName('10.0.0.1')).toMatch(/not an IP/);
	});

	it('LDAP URLs: ldap:// or ldaps:// with a valid host and optional port', () => {
		fc.assert(
			fc.property(fc.constantFrom('ldap', 'ldaps'), domain, fc.integer({min: 1, max: 65535}), (scheme, host, p) =>
				ldapUrl(`${scheme}://${host}:${p}`) === undefined,
			),
		);
		expect(ldapUrl('ldap://dir.example.com')).toBeUndefined();
		for (const bad of ['http://dir.example.com', 'ldap://', 'ldap://dir.example.com:0', 'dir.example.com:389']) {
			expect(ldapUrl(bad)).toBeDefined();
		}
	});

	it('distinguished names and filters', () => {
		expect(distinguishedName('ou=users,dc=example,dc=com')).toBeUndefined();
		expect(distinguishedName('cn=Smith\\, John,ou=people,dc=x')).toBeUndefined();
		expect(distinguishedName('users')).toBeDefined();
		expect(ldapFilter('(&(objectClass=user)(!(cn=x)))')).toBeUndefined();
		expect(ldapFilter('objectClass=user')).toBeDefined();
		expect(ldapFilter('((objectClass=user)')).toBe('Unbalanced parentheses.');
		fc.assert(
			fc.property(fc.stringMatching(/^[a-zA-Z]{1,10}$/), fc.stringMatching(/^[a-zA-Z0-9]{1,10}$/), (a, v) =>
				ldapFilter(`(${a}=${v})`) === undefined,
			),
		);
	});

	it('uuids and lists', () => {
		fc.assert(fc.property(fc.uuid(), id => uuid(id) === undefined));
		expect(uuid('not-a-uuid')).toBeDefined();
		expect(nonEmptyList([])).toBeDefined();
		expect(nonEmptyList(['node1', ' '])).toBeDefined();
		expect(nonEmptyList(['node1'])).toBeUndefined();
	});

	it('collects failures in field order', () => {
		expect(collect([['a', undefined], ['b', 'bad'], ['c', 'worse']])).toEqual([
			{field: 'b', message: 'bad'},
			{field: 'c', message: 'worse'},
		]);
	});
});
