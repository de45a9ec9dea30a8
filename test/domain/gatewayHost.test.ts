import {describe, expect, it} from 'vitest';
import {gatewayHostProblem, parseGatewayHost} from '../../source/domain/gatewayHost.js';

// The one host rule that login, every command's --host, Setup and the API client share.

describe('parseGatewayHost', () => {
	it.each([
		['oag.example.com', {protocol: 'https', host: 'oag.example.com'}],
		['OAG.Example.com:8443', {protocol: 'https', host: 'oag.example.com', port: 8443}],
		['oag_admin.corp.example', {protocol: 'https', host: 'oag_admin.corp.example'}],
		['https://oag.example.com/', {protocol: 'https', host: 'oag.example.com'}],
		['https://oag.example.com/api/v2/idps', {protocol: 'https', host: 'oag.example.com'}],
		['http://127.0.0.1:8080', {protocol: 'http', host: '127.0.0.1', port: 8080}],
		['::1', {protocol: 'https', host: '[::1]'}],
		['FE80::1', {protocol: 'https', host: '[fe80::1]'}],
		['[::1]:8443', {protocol: 'https', host: '[::1]', port: 8443}],
		['https://[2001:db8::5]', {protocol: 'https', host: '[2001:db8::5]'}],
		['oag.example.com.', {protocol: 'https', host: 'oag.example.com.'}],
		['  gw1  ', {protocol: 'https', host: 'gw1'}],
	])('accepts %j', (input, value) => {
		expect(parseGatewayHost(input)).toEqual({ok: true, value});
	});

	it.each([
		['', /Required/],
		['oag example.com', /spaces/],
		['ftp://oag.example.com', /scheme ftp/],
		['oag.example.com/admin', /without a path/],
		['https://oag.example.com/?x=1', /query/],
		['https://user:pw@oag.example.com', /Credentials/],
		['oag.example.com:0', /port/],
		['oag.example.com:99999', /port/],
		['oag.example.com:https', /port/],
		['-bad-.example.com', /letters, digits/],
		['a..b', /letters, digits/],
		['10.0.1', /IPv4/],
		['256.1.1.1', /IPv4/],
		['[::1', /host|IPv6/],
		['[zz::1]:443', /IPv6/],
		['fe80::1:8443x', /IPv6/],
		['oag\u001b[31m.example.com', /control/],
		[`${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(10)}.example`, /253/],
	])('refuses %j', (input, problem) => {
		const result = parseGatewayHost(input);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problem).toMatch(problem);
	});
});

describe('gatewayHostProblem (the form validator shape)', () => {
	it('says nothing for a good host and names the problem of a bad one', () => {
		expect(gatewayHostProblem('oag_admin.corp.example')).toBeUndefined();
		expect(gatewayHostProblem('::1')).toBeUndefined();
		expect(gatewayHostProblem('https://oag.example.com:8443')).toBeUndefined();
		expect(gatewayHostProblem('oag.example.com:99999')).toMatch(/port/);
		expect(gatewayHostProblem('oag.example.com/admin')).toMatch(/path/);
		expect(gatewayHostProblem('')).toBe('Required.');
	});
});
