import {describe, expect, it} from 'vitest';
import {checkGrants, databasePatternMatches, parseGrant} from '../../source/checks/mysql/grants.js';
import {packetPayload, parseHandshake, productOf} from '../../source/checks/mysql/handshake.js';

// The grant lines as MariaDB and MySQL print them, and the greeting's version string.

const to = " TO `svc`@`%`";

describe('SHOW GRANTS', () => {
	it('ALL PRIVILEGES on *.* or on the database covers what the service needs', () => {
		expect(checkGrants([`GRANT ALL PRIVILEGES ON *.*${to} WITH GRANT OPTION`], 'oag').missing).toEqual([]);
		expect(checkGrants([`GRANT USAGE ON *.*${to} IDENTIFIED BY PASSWORD '*ABC'`, `GRANT ALL PRIVILEGES ON \`oag\`.*${to}`], 'oag').missing).toEqual([]);
	});

	it('names what is missing; grants on another database or on single tables do not count', () => {
		const lines = [
			`GRANT USAGE ON *.*${to}`,
			`GRANT SELECT, INSERT, UPDATE, DELETE ON \`oag\`.*${to}`,
			`GRANT ALL PRIVILEGES ON \`other\`.*${to}`,
			`GRANT CREATE, ALTER ON \`oag\`.\`sessions\`${to}`,
			`GRANT SELECT (id, name), INDEX ON \`oag\`.\`users\`${to}`,
		];
		expect(checkGrants(lines, 'oag').missing).toEqual(['CREATE', 'ALTER', 'INDEX']);
	});

	it('database names in grants are LIKE patterns, with \\_ a literal underscore', () => {
		expect(databasePatternMatches('oag%', 'oag_prod')).toBe(true);
		expect(databasePatternMatches('oag\\_prod', 'oag_prod')).toBe(true);
		expect(databasePatternMatches('oag\\_prod', 'oagXprod')).toBe(false);
		expect(databasePatternMatches('oag_prod', 'oagXprod')).toBe(true);
		expect(checkGrants([`GRANT ALL PRIVILEGES ON \`oag\\_%\`.*${to}`], 'oag_prod').missing).toEqual([]);
	});

	it('roles are reported, not counted; unknown lines are ignored', () => {
		const verdict = checkGrants(['GRANT `oag_role` TO `svc`@`%`', 'GRANT PROXY ON ``@`%` TO `svc`@`%`', 'something else'], 'oag');
		expect(verdict.roles).toEqual(['oag_role']);
		expect(verdict.missing).toHaveLength(7);
		expect(parseGrant('GRANT EXECUTE ON PROCEDURE `oag`.`p` TO `svc`@`%`')).toEqual({privileges: ['EXECUTE'], scope: {database: 'oag', table: 'p'}});
	});
});

describe('the server greeting', () => {
	it('reads the product and version as MariaDB and MySQL write them', () => {
		expect(productOf('5.5.5-10.11.6-MariaDB-0+deb12u1')).toBe('MariaDB 10.11.6');
		expect(productOf('11.4.2-MariaDB')).toBe('MariaDB 11.4.2');
		expect(productOf('8.0.36')).toBe('MySQL 8.0.36');
	});

	it('an error packet instead of a greeting is an error, and a partial packet is not yet a packet', () => {
		const message = Buffer.from("Host '10.1.2.3' is not allowed to connect to this MariaDB server");
		const payload = Buffer.concat([Buffer.from([0xff, 0x6a, 0x04]), message]);
		expect(parseHandshake(payload)).toEqual({kind: 'error', code: 1130, message: message.toString()});
		const header = Buffer.from([payload.length, 0, 0, 0]);
		expect(packetPayload(Buffer.concat([header, payload.subarray(0, 5)]))).toBeUndefined();
		expect(packetPayload(Buffer.concat([header, payload]))).toEqual(payload);
	});
});
