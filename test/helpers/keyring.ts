import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {copyFile, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';

// A private desktop session for keychain tests: a D-Bus session bus, optionally gnome-keyring as the
// Secret Service, optionally an Xvfb display for unlock prompts. Everything lives in a temp dir; nothing
// touches the runner's own keyring. `env` is what child processes (the CLI) get.

export type KeyringSession = {
	dir: string;
	env: NodeJS.ProcessEnv;
	/** Locks the login collection through the Secret Service Lock call. */
	lock(): Promise<void>;
	stop(): Promise<void>;
};

export type KeyringSessionOptions = {
	/** Start gnome-keyring (default true). False: a bus with no Secret Service provider. */
	provider?: boolean;
	/** Start Xvfb and make gcr-prompter activatable, so a locked keyring shows a prompt that waits forever. */
	display?: boolean;
	/** Create the "login" keyring, the default collection (default true). False: a Secret Service without one. */
	loginKeyring?: boolean;
};

const PROMPTER_SERVICES = ['org.gnome.keyring.SystemPrompter.service', 'org.gnome.keyring.PrivatePrompter.service'];

export async function startKeyringSession(options: KeyringSessionOptions = {}): Promise<KeyringSession> {
	const dir = await mkdtemp(path.join(tmpdir(), 'oag-keyring-'));
	const processes: ChildProcess[] = [];
	// The daemons run in their own process groups: if the test process dies without stop(), kill them anyway.
	const killAll = (): void => {
		for (const child of [...processes].reverse()) killGroup(child);
	};
	process.once('exit', killAll);
	const stop = async (): Promise<void> => {
		process.off('exit', killAll);
		killAll();
		await rm(dir, {recursive: true, force: true});
	};
	try {
		const home = path.join(dir, 'home');
		const runtime = path.join(dir, 'runtime');
		const services = path.join(dir, 'services');
		for (const d of [home, runtime, services]) await mkdir(d, {recursive: true, mode: 0o700});
		const env: NodeJS.ProcessEnv = {
			PATH: process.env.PATH,
			HOME: home,
			XDG_DATA_HOME: path.join(home, '.local/share'),
			XDG_CONFIG_HOME: path.join(home, '.config'),
			XDG_STATE_HOME: path.join(home, '.local/state'),
			XDG_RUNTIME_DIR: runtime,
			LANG: 'C.UTF-8',
		};
		if (options.display) {
			const xvfb = await startXvfb();
			processes.push(xvfb.process);
			env.DISPLAY = xvfb.display;
			// Only the prompter is activatable: the Secret Service itself is the gnome-keyring started below.
			for (const file of PROMPTER_SERVICES) await copyFile(`/usr/share/dbus-1/services/${file}`, path.join(services, file));
		}
		const bus = await startBus(dir, services, env);
		processes.push(bus.process);
		env.DBUS_SESSION_BUS_ADDRESS = bus.address;
		if (options.provider ?? true) {
			processes.push(await startGnomeKeyring(env, options.loginKeyring ?? true));
		}
		return {dir, env, stop, lock: () => lockLogin(env)};
	} catch (error) {
		await stop();
		throw error;
	}
}

async function startBus(dir: string, services: string, env: NodeJS.ProcessEnv): Promise<{address: string; process: ChildProcess}> {
	const config = path.join(dir, 'bus.conf');
	// No standard service dirs: the runner's gnome-keyring must not be auto-activated ("bus without provider").
	await writeFile(
		config,
		`<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${path.join(dir, 'bus')}</listen>
  <servicedir>${services}</servicedir>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>
`,
	);
	// Activated services (gcr-prompter) inherit the daemon's environment, DISPLAY included.
	const child = spawn('dbus-daemon', [`--config-file=${config}`, '--print-address=1', '--nofork'], {env, detached: true, stdio: ['ignore', 'pipe', 'ignore']});
	const address = await firstLine(child, 5_000, 'dbus-daemon');
	return {address, process: child};
}

async function startGnomeKeyring(env: NodeJS.ProcessEnv, loginKeyring: boolean): Promise<ChildProcess> {
	// --unlock reads the login password from stdin; on a fresh HOME it creates the login keyring with it.
	// Without it a fresh HOME has no keyring at all, so the Secret Service has no default collection.
	const args = ['--foreground', ...(loginKeyring ? ['--unlock'] : []), '--components=secrets'];
	const child = spawn('gnome-keyring-daemon', args, {env, detached: true, stdio: ['pipe', 'ignore', 'ignore']});
	child.stdin!.end(loginKeyring ? 'test-login-password' : '');
	await waitFor(() => busNameHasOwner(env, 'org.freedesktop.secrets'), 10_000, 'gnome-keyring on the bus');
	return child;
}

async function startXvfb(): Promise<{display: string; process: ChildProcess}> {
	// -displayfd picks a free display number and writes it to fd 3.
	const child = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp'], {detached: true, stdio: ['ignore', 'ignore', 'ignore', 'pipe']});
	const number = await firstLine(child, 10_000, 'Xvfb', 3);
	return {display: `:${number}`, process: child};
}

function busNameHasOwner(env: NodeJS.ProcessEnv, name: string): boolean {
	const result = spawnSync(
		'dbus-send',
		['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', `string:${name}`],
		{env, encoding: 'utf8'},
	);
	return result.status === 0 && /boolean true/.test(result.stdout);
}

async function lockLogin(env: NodeJS.ProcessEnv): Promise<void> {
	const result = spawnSync(
		'dbus-send',
		['--session', '--print-reply', '--dest=org.freedesktop.secrets', '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.Lock', 'array:objpath:/org/freedesktop/secrets/collection/login'],
		{env, encoding: 'utf8'},
	);
	if (result.status !== 0) throw new Error(`could not lock the keyring: ${result.stderr}`);
}

/** secret-tool with the session's env. `search` prints the attributes on stderr, hence `output` (both). */
export function secretTool(env: NodeJS.ProcessEnv, args: string[]): {status: number | null; stdout: string; output: string} {
	const result = spawnSync('secret-tool', args, {env, encoding: 'utf8', timeout: 10_000});
	return {status: result.status, stdout: result.stdout, output: result.stdout + result.stderr};
}

function firstLine(child: ChildProcess, timeoutMs: number, what: string, fd = 1): Promise<string> {
	const stream = child.stdio[fd] as NodeJS.ReadableStream | null;
	return new Promise((resolve, reject) => {
		let text = '';
		const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs} ms`)), timeoutMs);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${what} exited (${code}) before it was ready`));
		});
		stream?.on('data', (chunk: Buffer) => {
			text += chunk.toString('utf8');
			const newline = text.indexOf('\n');
			if (newline >= 0) {
				clearTimeout(timer);
				resolve(text.slice(0, newline).trim());
			}
		});
	});
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

function killGroup(child: ChildProcess): void {
	if (child.pid === undefined || child.exitCode !== null) return;
	try {
		process.kill(-child.pid, 'SIGKILL');
	} catch {
		child.kill('SIGKILL');
	}
}

export const KEYRING_TOOLS = ['dbus-daemon', 'dbus-send', 'gnome-keyring-daemon', 'secret-tool'] as const;
export const DISPLAY_TOOLS = ['Xvfb', '/usr/libexec/gcr-prompter'] as const;
