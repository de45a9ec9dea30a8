import {randomBytes} from 'node:crypto';
import {createConnection} from 'mysql2/promise';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {checkMysqlDatabase, type MysqlCheckInput} from '../../source/checks/mysql/index.js';
import type {PreflightReport} from '../../source/domain/preflight.js';
import {generateTlsMaterial, type TlsMaterial} from '../../source/simulator/tls.js';
import {mariadbAvailable, startMariaDb, type MariaDb} from '../helpers/mariadb.js';

// The pre-flight against real MariaDB servers (one plain, one with TLS from a test CA), started by the
// test on loopback ports: each outcome an admin meets, with the reason they read and no password in it.
vi.setConfig({testTimeout: 30_000, hookTimeout: 120_000});

const available = mariadbAvailable();
const password = `pw-${randomBytes(9).toString('hex')}`;
let plain: MariaDb;
let secure: MariaDb;
let tls: TlsMaterial;

const statuses = (report: PreflightReport) => Object.fromEntries(report.steps.map(step => [step.id, step.status]));
const reason = (report: PreflightReport, id: string) => report.steps.find(step => step.id === id)?.reason ?? '';

async function check(server: MariaDb, input: Partial<MysqlCheckInput>): Promise<PreflightReport> {
	const full = {host: server.host, port: server.port, user: 'svc', password, database: 'oagoffline', ...input};
	const report = await checkMysqlDatabase(full);
	// Whatever happened, the password typed for the check is in no step and no reason.
	expect(JSON.stringify(report)).not.toContain(full.password);
	return report;
}

async function seed(server: MariaDb): Promise<void> {
	await server.admin('CREATE DATABASE oagoffline');
	for (const user of ['svc', 'reader', 'nodb', 'stranger']) await server.admin(`CREATE USER ?@'%' IDENTIFIED BY ?`, [user, password]);
	await server.admin(`GRANT CREATE, ALTER, INDEX, SELECT, INSERT, UPDATE, DELETE ON oagoffline.* TO 'svc'@'%'`);
	await server.admin(`GRANT SELECT, INSERT ON oagoffline.* TO 'reader'@'%'`);
	// Rights on a database nobody created: the server then says "unknown database", not "access denied".
	await server.admin(`GRANT ALL PRIVILEGES ON \`oag\\_missing\`.* TO 'nodb'@'%'`);
}

beforeAll(async () => {
	if (!available) return;
	tls = await generateTlsMaterial();
	[plain, secure] = await Promise.all([startMariaDb(), startMariaDb({tls})]);
	await Promise.all([seed(plain), seed(secure)]);
	await secure.admin(`CREATE USER 'tlsonly'@'%' IDENTIFIED BY ? REQUIRE SSL`, [password]);
	await secure.admin(`GRANT ALL PRIVILEGES ON oagoffline.* TO 'tlsonly'@'%'`);
});
afterAll(async () => {
	await Promise.all([plain?.stop(), secure?.stop()]);
});

describe.skipIf(!available)('MySQL pre-flight against a real MariaDB', () => {
	it('passes every step with the right account, naming the server version and the missing TLS', async () => {
		const report = await check(plain, {});
		expect(statuses(report)).toEqual({dns: 'pass', tcp: 'pass', handshake: 'pass', tls: 'warn', login: 'pass', database: 'pass', grants: 'pass'});
		expect(report.ok).toBe(true);
		expect(report.from).toBe('this machine');
		expect(reason(report, 'handshake')).toMatch(/^MariaDB 10\.\d+\.\d+ \(/);
		expect(reason(report, 'tls')).toMatch(/does not offer TLS/);
		expect(reason(report, 'grants')).toBe('CREATE, ALTER, INDEX, SELECT, INSERT, UPDATE, DELETE on oagoffline');
		for (const step of report.steps) expect(step.durationMs).toBeGreaterThanOrEqual(0);
	});

	it('a wrong password fails the login and skips what needs it', async () => {
		const report = await check(plain, {password: `wrong-${password}`});
		expect(statuses(report)).toMatchObject({handshake: 'pass', login: 'fail', database: 'skip', grants: 'skip'});
		expect(reason(report, 'login')).toMatch(/^access denied: wrong password for svc/);
		expect(report.ok).toBe(false);
	});

	it('an unknown database is named, and so is a database the user has no rights on', async () => {
		const unknown = await check(plain, {user: 'nodb', database: 'oag_missing'});
		expect(statuses(unknown)).toMatchObject({login: 'pass', database: 'fail', grants: 'skip'});
		expect(reason(unknown, 'database')).toBe('unknown database oag_missing: create it first (CREATE DATABASE)');
		const noRights = await check(plain, {user: 'stranger'});
		expect(reason(noRights, 'database')).toBe('stranger has no privileges on oagoffline (or the database does not exist)');
	});

	it('missing grants are listed with the statement that adds them', async () => {
		const report = await check(plain, {user: 'reader'});
		expect(statuses(report)).toMatchObject({database: 'pass', grants: 'fail'});
		expect(reason(report, 'grants')).toMatch(/^missing on oagoffline: CREATE, ALTER, INDEX, UPDATE, DELETE; the service cannot create its tables/);
		expect(reason(report, 'grants')).toContain("GRANT CREATE, ALTER, INDEX, UPDATE, DELETE ON `oagoffline`.* TO 'reader'@");
	});

	it('a closed port is refused, not waited for (the time is measured in bench/preflight.ts)', async () => {
		const closedPort = plain.port === 65535 ? 65534 : plain.port + 1;
		// A long step timeout: had the check waited instead of reading the refusal, the reason would say timeout.
		const report = await check(plain, {port: closedPort, timeoutMs: 60_000});
		expect(statuses(report)).toMatchObject({dns: 'pass', tcp: 'fail', handshake: 'skip', login: 'skip'});
		expect(reason(report, 'tcp')).toMatch(/^refused: nothing listens on 127\.0\.0\.1:\d+/);
	});

	it('an unknown host name fails at DNS', async () => {
		const report = await check(plain, {host: 'no-such-host.invalid'});
		expect(statuses(report)).toMatchObject({dns: 'fail', tcp: 'skip'});
		expect(reason(report, 'dns')).toMatch(/^unknown host: DNS has no address for no-such-host\.invalid/);
	});

	it('something that is not MySQL on the port is said to be so', async () => {
		const {createServer} = await import('node:net');
		const http = createServer(socket => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
		await new Promise<void>(resolve => http.listen(0, '127.0.0.1', resolve));
		try {
			const address = http.address();
			const report = await check(plain, {port: typeof address === 'object' && address ? address.port : 0});
			expect(statuses(report)).toMatchObject({tcp: 'pass', handshake: 'fail', login: 'skip'});
			expect(reason(report, 'handshake')).toMatch(/is not a MySQL server/);
		} finally {
			http.close();
		}
	});

	describe('TLS', () => {
		it('with the test CA: TLS verified, and a REQUIRE SSL account logs in over it', async () => {
			const report = await check(secure, {user: 'tlsonly', ca: tls.caPem});
			expect(statuses(report)).toEqual({dns: 'pass', tcp: 'pass', handshake: 'pass', tls: 'pass', login: 'pass', database: 'pass', grants: 'pass'});
			expect(reason(report, 'tls')).toMatch(/^TLSv1\.[23], certificate 127\.0\.0\.1 trusted \(the CA file given\)$/);
			expect(reason(report, 'login')).toBe('logged in over TLS');
			// The account really requires TLS: the same login without it is refused.
			await expect(createConnection({host: secure.host, port: secure.port, user: 'tlsonly', password})).rejects.toMatchObject({
				code: 'ER_ACCESS_DENIED_ERROR',
			});
		});

		it('by host name: DNS, then the certificate must name the host', async () => {
			const report = await check(secure, {host: 'localhost', user: 'tlsonly', ca: tls.caPem});
			expect(statuses(report)).toMatchObject({dns: 'pass', tls: 'pass', login: 'pass'});
		});

		it('without the CA: the certificate is not trusted and the credentials are not sent', async () => {
			const report = await check(secure, {user: 'tlsonly'});
			expect(statuses(report)).toMatchObject({handshake: 'pass', tls: 'fail', login: 'skip', database: 'skip'});
			expect(reason(report, 'tls')).toMatch(/^TLS error: the certificate 127\.0\.0\.1 is not trusted \(give the CA that signed it: --db-ca-file, or the Database CA file field\)/);
			expect(reason(report, 'login')).toMatch(/not sent after a failed TLS handshake/);
		});
	});
});
