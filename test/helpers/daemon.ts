import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import {rm} from 'node:fs/promises';
import {connect, createServer} from 'node:net';

// A real server for the tests that need one (mariadbd, slapd): started on free loopback ports, ready once
// every port accepts a connection, stopped with SIGTERM (SIGKILL after a grace), and never left behind:
// killed when the test process exits, and by a watchdog shell should the worker be killed hard (SIGKILL:
// no exit handler runs then), which also removes the server's temp dir.

/** The install hint both services give; CI installs the same packages. */
const INSTALL_HINT = 'scripts/install-test-deps.sh';

/**
 * True when every binary is here. Outside CI a missing one is a warning and the tests skip; in CI it is an
 * error: these tests must run there, never skip. The first binary is the one the messages name.
 */
export function daemonAvailable(spec: {binaries: readonly [string, ...string[]]; tag: string; packageName: string; skipping: string}): boolean {
	const [main] = spec.binaries;
	if (spec.binaries.every(binary => existsSync(binary))) return true;
	if (process.env.CI === 'true') {
		throw new Error(`${main} is missing: run ${INSTALL_HINT} (package ${spec.packageName}). CI never skips these tests.`);
	}
	console.warn(`[${spec.tag}] ${main} not found; skipping ${spec.skipping} (install with ${INSTALL_HINT}).`);
	return false;
}

/** A loopback port that was free a moment ago (nothing listens on it, until someone binds it again). */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

export type DaemonSpec = {
	/** For messages: "slapd exited with code 1: ...". */
	name: string;
	command: string;
	/** The arguments for this attempt's ports (as many as `ports`). */
	args: (ports: number[]) => string[];
	/** How many loopback ports it listens on; it is ready when all of them accept a connection. */
	ports: number;
	/** Its temp dir: removed on stop, after a failed start, and by the watchdog. */
	dir: string;
	/** How long each port may take to open. */
	readyWithinMs: number;
	pollMs: number;
	/** How long SIGTERM has before SIGKILL on stop. */
	stopGraceMs: number;
	/** How much of the end of its stderr the error messages quote. */
	logChars: number;
};

export type Daemon = {
	ports: number[];
	/** The server process (tests check that it dies with the test process). */
	pid: number;
	/** Idempotent: every call waits for the same stop. */
	stop(): Promise<void>;
};

const running = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;

const exited = (child: ChildProcess): Promise<void> =>
	running(child) ? new Promise(resolve => child.once('exit', () => resolve())) : Promise.resolve();

async function waitForPort(port: number, child: ChildProcess, spec: DaemonSpec, log: () => string): Promise<void> {
	const deadline = Date.now() + spec.readyWithinMs;
	while (Date.now() < deadline) {
		if (!running(child)) throw new Error(`${spec.name} exited with code ${child.exitCode ?? child.signalCode}: ${log()}`);
		const open = await new Promise<boolean>(resolve => {
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => (socket.destroy(), resolve(true)));
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise(resolve => setTimeout(resolve, spec.pollMs));
	}
	throw new Error(`${spec.name} did not listen on port ${port} within ${spec.readyWithinMs / 1000} s: ${log()}`);
}

/** Kills the server when this process is gone, even after SIGKILL (no exit handler runs then). */
function watchdog(childPid: number, dir: string): ChildProcess {
	const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -9 ${childPid} 2>/dev/null; rm -rf '${dir}'`;
	const guard = spawn('sh', ['-c', script], {detached: true, stdio: 'ignore'});
	guard.unref();
	return guard;
}

/** Starts the server and waits until it listens; after three failed attempts its dir is gone and the last error thrown. */
export async function startDaemon(spec: DaemonSpec): Promise<Daemon> {
	let lastError: unknown;
	// A freed port can be taken again before the server binds it; a few attempts make that race harmless.
	for (let attempt = 0; attempt < 3; attempt++) {
		const ports: number[] = [];
		for (let i = 0; i < spec.ports; i++) ports.push(await freePort());
		const child = spawn(spec.command, spec.args(ports), {stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		child.stderr?.on('data', chunk => (stderr = (stderr + String(chunk)).slice(-spec.logChars)));
		const guard = watchdog(child.pid!, spec.dir);
		const killNow = (): void => void child.kill('SIGKILL');
		process.once('exit', killNow);
		let stopping: Promise<void> | undefined;
		const stop = (): Promise<void> =>
			(stopping ??= (async () => {
				process.off('exit', killNow);
				if (running(child)) {
					const done = exited(child);
					child.kill('SIGTERM');
					const timer = setTimeout(() => child.kill('SIGKILL'), spec.stopGraceMs);
					await done;
					clearTimeout(timer);
				}
				guard.kill('SIGKILL');
				await rm(spec.dir, {recursive: true, force: true});
			})());
		try {
			for (const port of ports) await waitForPort(port, child, spec, () => stderr.trim());
			return {ports, pid: child.pid!, stop};
		} catch (error) {
			lastError = error;
			process.off('exit', killNow);
			const done = exited(child);
			child.kill('SIGKILL');
			guard.kill('SIGKILL');
			await done;
		}
	}
	await rm(spec.dir, {recursive: true, force: true});
	throw lastError;
}
