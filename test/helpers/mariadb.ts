import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {connect, createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createConnection} from 'mysql2/promise';

// A real MariaDB server on a random loopback port, for the MySQL pre-flight tests. Debian package
// `mariadb-server` (scripts/test-deps/mysql.txt). Each server gets its own data dir (mariadb-install-db),
// socket and pid file under a temp dir, runs as the current user (--user=root when that is root), and is
// killed when the test process dies: on exit, and by a watchdog shell should the worker be killed hard.
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

export function mariadbAvailable(): boolean {
	if (existsSync(MARIADBD) && existsSync(INSTALL_DB)) return true;
	if (process.env.CI === 'true') {
		throw new Error(`${MARIADBD} is missing: run scripts/install-test-deps.sh (package mariadb-server). CI never skips these tests.`);
	}
	console.warn(`[mariadb] ${MARIADBD} not found; skipping the MySQL pre-flight tests (install with scripts/install-test-deps.sh).`);
	return false;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

async function waitForPort(port: number, child: ChildProcess, log: () => string, deadlineMs: number): Promise<void> {
	while (Date.now() < deadlineMs) {
		if (child.exitCode !== null) throw new Error(`mariadbd exited with code ${child.exitCode}: ${log()}`);
		const open = await new Promise<boolean>(resolve => {
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => (socket.destroy(), resolve(true)));
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise(resolve => setTimeout(resolve, 100));
	}
	throw new Error(`mariadbd did not listen within the deadline: ${log()}`);
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Kills the server when this process is gone, even after SIGKILL (no exit handler runs then). */
function watchdog(childPid: number, dir: string): ChildProcess {
	const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -9 ${childPid} 2>/dev/null; rm -rf '${dir}'`;
	const guard = spawn('sh', ['-c', script], {detached: true, stdio: 'ignore'});
	guard.unref();
	return guard;
}

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
	let lastError: unknown;
	// A freed port can be taken again before mariadbd binds it; a few attempts make that race harmless.
	for (let attempt = 0; attempt < 3; attempt++) {
		const port = await freePort();
		const child = spawn(
			MARIADBD,
			[
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
			{stdio: ['ignore', 'ignore', 'pipe']},
		);
		let stderr = '';
		child.stderr?.on('data', chunk => (stderr = (stderr + String(chunk)).slice(-3000)));
		const guard = watchdog(child.pid!, dir);
		const killNow = (): void => void child.kill('SIGKILL');
		process.once('exit', killNow);
		let stopping: Promise<void> | undefined;
		const stop = (): Promise<void> =>
			(stopping ??= (async () => {
				process.off('exit', killNow);
				if (child.exitCode === null && child.signalCode === null) {
					const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
					child.kill('SIGTERM');
					const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
					await exited;
					clearTimeout(timer);
				}
				guard.kill('SIGKILL');
				await rm(dir, {recursive: true, force: true});
			})());
		try {
			await waitForPort(port, child, () => stderr.trim(), Date.now() + 60_000);
			const admin = async (sql: string, values: unknown[] = []): Promise<unknown> => {
				const connection = await createConnection({socketPath, user: asRoot ? 'root' : (process.env.USER ?? 'root')});
				try {
					const [rows] = await connection.query(sql, values);
					return rows;
				} finally {
					await connection.end();
				}
			};
			return {host: '127.0.0.1', port, pid: child.pid!, admin, stop};
		} catch (error) {
			lastError = error;
			process.off('exit', killNow);
			child.kill('SIGKILL');
			guard.kill('SIGKILL');
			await new Promise(resolve => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
		}
	}
	await rm(dir, {recursive: true, force: true});
	throw lastError;
}
