import {spawn} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {classifyKeychainFailure} from '../../source/secrets/keychainDiagnosis.js';
import {keychainTimeoutMs, workerCommand} from '../../source/secrets/keychainProcess.js';

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
