import {spawn} from 'node:child_process';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {classifyKeychainFailure} from '../../source/secrets/keychainDiagnosis.js';
import {callKeychain, keychainTimeoutMs, workerCommand} from '../../source/secrets/keychainProcess.js';

describe('keychain timeouts', () => {
	it('3 s for reads, 30 s for writes, OAG_KEYCHAIN_TIMEOUT (ms) overrides both', () => {
		expect(keychainTimeoutMs('read', {})).toBe(3_000);
		expect(keychainTimeoutMs('write', {})).toBe(30_000);
		expect(keychainTimeoutMs('read', {OAG_KEYCHAIN_TIMEOUT: '750'})).toBe(750);
		expect(keychainTimeoutMs('write', {OAG_KEYCHAIN_TIMEOUT: 'soon'})).toBe(30_000);
	});
});

describe('keychain worker', () => {
	it('starts without the bundle or a loader and refuses a malformed request', async () => {
		const {command, args} = workerCommand();
		expect(args[2]).toMatch(/@napi-rs[\\/]keyring[\\/]index\.js$/);
		const reply = await new Promise<string>((resolve) => {
			const child = spawn(command, args);
			let out = '';
			child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
			child.on('close', () => resolve(out));
			child.stdin.end('{"op":"steal"}');
		});
		expect(JSON.parse(reply)).toEqual({ok: false, error: 'bad keychain request'});
	});

	it('does not see the key passphrase or key file path; D-Bus and the rest of the environment do reach it', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'oag-worker-env-'));
		try {
			// A preload records the worker's environment and exits before any keychain call.
			const preload = path.join(dir, 'record-env.cjs');
			const seen = path.join(dir, 'env.json');
			await writeFile(preload, `require('node:fs').writeFileSync(${JSON.stringify(seen)}, JSON.stringify(process.env)); process.exit(0);\n`);
			const env = {
				PATH: process.env.PATH,
				NODE_OPTIONS: `--require ${preload}`,
				DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
				OAG_KEY_PASSPHRASE: 'hunter2-passphrase',
				OAG_PRIVATE_KEY_FILE: '/tmp/some-key.pem',
			};
			await expect(callKeychain({op: 'get', service: 'oag-offline-test', account: 'profile:x'}, {timeoutMs: 10_000, env})).rejects.toThrow(/gave no answer/);
			const workerEnv = JSON.parse(await readFile(seen, 'utf8')) as Record<string, string>;
			expect(workerEnv.DBUS_SESSION_BUS_ADDRESS).toBe('unix:path=/nonexistent/bus');
			expect(workerEnv).not.toHaveProperty('OAG_KEY_PASSPHRASE');
			expect(workerEnv).not.toHaveProperty('OAG_PRIVATE_KEY_FILE');
			expect(env.OAG_KEY_PASSPHRASE).toBe('hunter2-passphrase'); // the caller's object is not changed
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});
});

describe.runIf(process.platform === 'linux')('classifying keychain failures (messages seen from libsecret/zbus)', () => {
	const bus = {DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus'};
	const cases: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
		['Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead', {}, /^keychain unavailable: no D-Bus session/],
		['Platform failure: DBus error: Failed to connect to socket /tmp/x: No such file or directory', bus, /^keychain unavailable: the D-Bus session bus is unreachable/],
		['Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files', bus, /^keychain unavailable: no Secret Service provider/],
		["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", bus, /^keychain is locked and was not unlocked/],
		['something new', bus, /^keychain failed: something new$/],
	];
	for (const [detail, env, expected] of cases) {
		it(detail.slice(0, 60), () => {
			const error = classifyKeychainFailure(detail, env);
			expect(error.message).toMatch(expected);
			expect(error.message).not.toContain('\n');
		});
	}
});
