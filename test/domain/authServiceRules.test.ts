import {describe, expect, it} from 'vitest';
import type {Certificate} from '../../source/api/schemas/certificates.js';
import {healthAdvice} from '../../source/domain/authServiceHealth.js';
import {enableProblems, snapshotDifference, snapshotOf} from '../../source/domain/authServiceRules.js';
import {certificateCovers, certificateLabel, certificateWarnings, daysLeft, findCertificate} from '../../source/domain/certificateRules.js';

// The authentication service's pure rules: the enable request's fields, certificates by name and expiry,
// and what to check next when health is bad.

const NOW = Date.parse('2026-12-02T08:00:00Z');
const cert = (overrides: Partial<Certificate> = {}): Certificate => ({
	id: '11111111-1111-4111-8111-111111111111',
	commonName: '*.example.com',
	san: ['*.example.com', 'example.com'],
	selfSigned: false,
	expiresOn: '2027-08-04',
	...overrides,
});

describe('certificates', () => {
	it('a wildcard covers exactly one leftmost label', () => {
		expect(certificateCovers(cert(), 'offline.example.com')).toBe(true);
		expect(certificateCovers(cert(), 'example.com')).toBe(true);
		expect(certificateCovers(cert(), 'a.offline.example.com')).toBe(false);
		expect(certificateCovers(cert(), 'offline.example.org')).toBe(false);
	});

	it('days left from expiresOn, else validityRemaining; the label names CN, SAN and days', () => {
		expect(daysLeft(cert(), NOW)).toBe(244);
		expect(daysLeft(cert({expiresOn: undefined, validityRemaining: 12}), NOW)).toBe(12);
		expect(certificateLabel(cert({selfSigned: true}), NOW)).toBe('*.example.com (SAN *.example.com, example.com; 244 days left; self-signed)');
		expect(certificateLabel(cert({expiresOn: '2026-11-01'}), NOW)).toMatch(/EXPIRED 31 days ago/);
	});

	it('warns when the SAN misses the public domain and when it expires within 30 days', () => {
		expect(certificateWarnings(cert(), 'offline.example.com', NOW)).toEqual([]);
		expect(certificateWarnings(cert({expiresOn: '2026-12-20'}), 'offline.example.org', NOW)).toEqual([
			'the certificate *.example.com does not cover offline.example.org (not in its SAN): browsers will refuse offline sign-in',
			'the certificate *.example.com expires in 17 days',
		]);
	});

	it('is found by id, common name or SAN; an ambiguous name asks for the id', () => {
		const list = [cert(), cert({id: '22222222-2222-4222-8222-222222222222', commonName: 'legacy.example.com', san: ['old.example.com']})];
		expect(findCertificate(list, '*.EXAMPLE.com').certificate?.id).toBe(list[0]!.id);
		expect(findCertificate(list, 'old.example.com').certificate?.id).toBe(list[1]!.id);
		expect(findCertificate([...list, cert({id: '33333333-3333-4333-8333-333333333333'})], '*.example.com').problem).toMatch(/2 certificates are named/);
		expect(findCertificate(list, 'nope').problem).toMatch(/no certificate with the id or common name nope/);
	});
});

describe('the enable request', () => {
	it('names every field that is wrong, by the API path', () => {
		const problems = enableProblems({serverNodes: [' '], dbHost: '', dbPort: 0, dbUser: '', dbPasswordGiven: false, dbName: '', publicDomain: 'localhost', certificateId: ''});
		expect(problems.map(problem => problem.field)).toEqual([
			'serverNodes', 'database.host', 'database.port', 'database.username', 'database.password', 'database.name', 'publicDomain', 'certificateId',
		]);
	});

	it('verify compares what was asked with what the gateway holds', () => {
		const wanted = snapshotOf({serverNodes: ['a.example.com'], database: {type: 'mysql', host: 'db', port: 3306, name: 'x'}, publicDomain: 'p.example.com', certificateId: 'c'});
		expect(snapshotDifference(wanted, wanted)).toBeUndefined();
		const got = snapshotOf({serverNodes: ['a.example.com'], database: {type: 'mysql', host: 'db', port: 3307, name: 'x'}, publicDomain: 'p.example.com', certificateId: 'c'});
		expect(snapshotDifference(wanted, got)).toBe('database port 3307');
		expect(snapshotDifference(wanted, {enabled: false})).toBe('the service not enabled');
	});
});

describe('what to check next', () => {
	it('in order: the database from the nodes, the public domain and its certificate, the nodes; nothing when healthy', () => {
		const advice = healthAdvice({
			status: 'DEGRADED',
			serverNodes: ['n1', 'n2'],
			database: {host: 'db.example.com', port: 3306, name: 'oag'},
			publicDomain: 'offline.example.com',
			certificateLabel: '*.example.com (…)',
			certificateWarnings: ['the certificate *.example.com expires in 3 days'],
		});
		expect(advice).toHaveLength(3);
		expect(advice[0]).toMatch(/^1\. The database db\.example\.com:3306\/oag as n1, n2 reach it/);
		expect(advice[1]).toMatch(/^2\. The public domain offline\.example\.com: .*certificate \*\.example\.com \(…\) valid: the certificate \*\.example\.com expires in 3 days\?$/);
		expect(advice[2]).toMatch(/^3\. The nodes n1, n2 themselves/);
		expect(healthAdvice({status: 'HEALTHY'})).toEqual([]);
		expect(healthAdvice({status: 'INITIALIZING'})).toEqual([]);
	});
});
