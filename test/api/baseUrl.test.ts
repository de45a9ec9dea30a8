import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseGatewayAddress} from '../../source/api/baseUrl.js';

describe('parseGatewayAddress', () => {
	it.each([
		['oag.example.com', 'https://oag.example.com', 'https://oag.example.com'],
		['OAG.Example.com', 'https://oag.example.com', 'https://oag.example.com'],
		['oag.example.com:8443', 'https://oag.example.com:8443', 'https://oag.example.com:8443'],
		['oag.example.com:443', 'https://oag.example.com', 'https://oag.example.com'],
		['https://oag.example.com/', 'https://oag.example.com', 'https://oag.example.com'],
		['https://oag.example.com:443/api/v2/', 'https://oag.example.com', 'https://oag.example.com'],
		['https://oag.example.com:9443/api/v2/idps', 'https://oag.example.com:9443', 'https://oag.example.com:9443'],
		['oag_admin.corp.example', 'https://oag_admin.corp.example', 'https://oag_admin.corp.example'],
		['  oag.example.com  ', 'https://oag.example.com', 'https://oag.example.com'],
		['http://127.0.0.1:8080', 'http://127.0.0.1:8080', 'https://127.0.0.1:8080'],
		['http://localhost', 'http://localhost', 'https://localhost'],
		['http://localhost:443', 'http://localhost:443', 'https://localhost'],
		['[::1]:8443', 'https://[::1]:8443', 'https://[::1]:8443'],
		['https://[::1]', 'https://[::1]', 'https://[::1]'],
		['::1', 'https://[::1]', 'https://[::1]'],
		['fe80::1', 'https://[fe80::1]', 'https://[fe80::1]'],
		['10.0.0.5', 'https://10.0.0.5', 'https://10.0.0.5'],
	])('%s -> %s (aud %s)', (input, baseUrl, audience) => {
		const address = parseGatewayAddress(input);
		expect(address.baseUrl).toBe(baseUrl);
		expect(address.audience).toBe(audience);
	});

	it('reports port and protocol', () => {
		expect(parseGatewayAddress('oag.example.com')).toMatchObject({port: 443, protocol: 'https', host: 'oag.example.com'});
		expect(parseGatewayAddress('http://127.0.0.1:9')).toMatchObject({port: 9, protocol: 'http'});
		expect(parseGatewayAddress('[::1]:8443')).toMatchObject({port: 8443, host: '[::1]'});
	});

	it.each([
		'',
		'   ',
		'ftp://oag.example.com',
		'oag example.com',
		'https://',
		'oag.example.com:99999',
		'oag.example.com:port',
		'https://user:pw@oag.example.com',
		'https://oag.example.com/?x=1',
		'-bad-.example.com',
		'a..b',
		'[::1',
		'https://oag.example.com:9443/admin',
		'[not-an-address]:443',
		'10.0.1',
		'300.1.1.1',
	])('refuses %j with a clear message', (input) => {
		expect(() => parseGatewayAddress(input)).toThrow(/Not a gateway host/);
	});

	it('does not echo very long garbage in full', () => {
		const input = `x${'y'.repeat(500)} z`;
		expect(() => parseGatewayAddress(input)).toThrow(/\.\.\."/);
	});

	const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
	// The last label starts with a letter: all-numeric names are IPv4 spellings that URL normalises (0 -> 0.0.0.0).
	const topLabel = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
	const hostName = fc
		.tuple(fc.array(label, {maxLength: 3}), topLabel)
		.map(([labels, top]) => [...labels, top].join('.'));
	const port = fc.integer({min: 1, max: 65535});

	it('round trips host[:port] through every accepted spelling', () => {
		fc.assert(
			fc.property(hostName, fc.option(port, {nil: undefined}), fc.boolean(), fc.boolean(), (host, p, withScheme, trailingSlash) => {
				const typed = `${withScheme ? 'https://' : ''}${host}${p === undefined ? '' : `:${p}`}${trailingSlash ? '/' : ''}`;
				const address = parseGatewayAddress(typed);
				const expected = p === undefined || p === 443 ? `https://${host}` : `https://${host}:${p}`;
				expect(address.audience).toBe(expected);
				expect(address.baseUrl).toBe(expected);
				expect(address.port).toBe(p ?? 443);
				// Parsing our own output is a fixed point.
				expect(parseGatewayAddress(address.baseUrl)).toEqual(address);
			}),
		);
	});

	it('keeps the https audience for http:// with any port', () => {
		fc.assert(
			fc.property(hostName, port, (host, p) => {
				const address = parseGatewayAddress(`http://${host}:${p}`);
				expect(address.protocol).toBe('http');
				expect(address.audience).toBe(p === 443 ? `https://${host}` : `https://${host}:${p}`);
			}),
		);
	});
});
