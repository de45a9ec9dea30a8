import {spawnSync} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createConnection} from 'mysql2/promise';
import {daemonAvailable, startDaemon} from './daemon.js';

// A real MariaDB server on a random loopback port, for the MySQL pre-flight tests. Debian package
// `mariadb-server` (scripts/test-deps/mysql.txt). Each server gets its own data dir (mariadb-install-db),
// socket and pid file under a temp dir, runs as the current user (--user=root when that is root), and is
// killed when the test process dies (daemon.ts: on exit, and by a watchdog should the worker be killed hard).
// In CI a missing binary is an error: these tests must run there, never skip.

export const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = '/usr/bin/mariadb-install-db';

export type MariaDbTls = {caPem: string; certPem: string; keyPem: string};

export type MariaDb = {
	host: '127.0.0.1';
	port: number;
	/** The mariadbd process (tests check that it dies with the test process). */
	pid: number;
	/** SQL as the server's root over its own socket (create users, databases, grants). */
	admin(sql: string, values?: unknown[]): Promise<unknown>;
	stop(): Promise<void>;
};

export const mariadbAvailable = (): boolean =>
	daemonAvailable({binaries: [MARIADBD, INSTALL_DB], tag: 'mariadb', packageName: 'mariadb-server', skipping: 'the MySQL pre-flight tests'});

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export async function startMariaDb(options: {tls?: MariaDbTls} = {}): Promise<MariaDb> {
	const dir = await mkdtemp(join(tmpdir(), 'oag-mariadb-'));
	const dataDir = join(dir, 'data');
	const socketPath = join(dir, 'mariadb.sock');
	const user = asRoot ? ['--user=root'] : [];
	const install = spawnSync(
		INSTALL_DB,
		['--no-defaults', `--datadir=${dataDir}`, '--auth-root-authentication-method=socket', '--skip-test-db', ...user],
		{encoding: 'utf8'},
	);
	if (install.status !== 0) {
		await rm(dir, {recursive: true, force: true});
		throw new Error(`mariadb-install-db failed: ${install.stderr || install.stdout || install.error?.message}`);
	}
	const tlsArgs: string[] = [];
	if (options.tls) {
		await writeFile(join(dir, 'ca.pem'), options.tls.caPem);
		await writeFile(join(dir, 'server-cert.pem'), options.tls.certPem);
		await writeFile(join(dir, 'server-key.pem'), options.tls.keyPem, {mode: 0o600});
		tlsArgs.push(`--ssl-ca=${join(dir, 'ca.pem')}`, `--ssl-cert=${join(dir, 'server-cert.pem')}`, `--ssl-key=${join(dir, 'server-key.pem')}`);
	}
	const {ports, pid, stop} = await startDaemon({
		name: 'mariadbd',
		command: MARIADBD,
		args: ([port]) => [
			'--no-defaults',
			`--datadir=${dataDir}`,
			`--socket=${socketPath}`,
			`--pid-file=${join(dir, 'mariadb.pid')}`,
			`--port=${port}`,
			'--bind-address=127.0.0.1',
			'--skip-name-resolve',
			'--innodb-buffer-pool-size=16M',
			'--skip-log-bin',
			...user,
			...tlsArgs,
		],
		ports: 1,
		dir,
		readyWithinMs: 60_000,
		pollMs: 100,
		stopGraceMs: 10_000,
		logChars: 3000,
	});
	const admin = async (sql: string, values: unknown[] = []): Promise<unknown> => {
		const connection = await createConnection({socketPath, user: asRoot ? 'root' : (process.env.USER ?? 'root')});
		try {
			const [rows] = await connection.query(sql, values);
			return rows;
		} finally {
			await connection.end();
		}
	};
	return {host: '127.0.0.1', port: ports[0]!, pid, admin, stop};
}
