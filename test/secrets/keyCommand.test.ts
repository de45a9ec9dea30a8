import {generateKeyPairSync} from 'node:crypto';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runKeyCommand} from '../../source/secrets/keyCommand.js';

const pem = generateKeyPairSync('ec', {namedCurve: 'P-256'}).privateKey.export({type: 'pkcs8', format: 'pem'}).toString();
let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'oag-keycmd-test-'));
	await writeFile(path.join(dir, 'key.pem'), pem, {mode: 0o600});
});
afterAll(async () => rm(dir, {recursive: true, force: true}));

describe('keyCommand backend', () => {
	it('returns what the command prints, through a shell (pipes work)', async () => {
		expect(await runKeyCommand(`cat '${dir}/key.pem' | cat`)).toBe(pem);
	});

	it('reports only the exit code, never the command output on stderr', async () => {
		const error = await runKeyCommand('echo hunter2-secret >&2; exit 7').then(
			() => undefined,
			(caught: unknown) => caught as Error,
		);
		expect(error?.message).toBe('the key command failed (exit 7; its output is not shown)');
	});

	it('refuses empty output', async () => {
		await expect(runKeyCommand('true')).rejects.toThrow(/printed nothing/);
	});

	it('gives up on a command that hangs', async () => {
		const started = Date.now();
		await expect(runKeyCommand('sleep 3 | sleep 3', 300)).rejects.toThrow(/did not finish within 0.3 s/);
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it('does not hand the key passphrase or key file path to the command; the rest of the environment stays', async () => {
		const saved = {pass: process.env.OAG_KEY_PASSPHRASE, file: process.env.OAG_PRIVATE_KEY_FILE, other: process.env.OAG_TEST_VISIBLE};
		process.env.OAG_KEY_PASSPHRASE = 'hunter2-passphrase';
		process.env.OAG_PRIVATE_KEY_FILE = '/tmp/some-key.pem';
		process.env.OAG_TEST_VISIBLE = 'visible';
		try {
			const seen = await runKeyCommand('echo "pass=${OAG_KEY_PASSPHRASE-unset} file=${OAG_PRIVATE_KEY_FILE-unset} other=${OAG_TEST_VISIBLE-unset}"; env');
			expect(seen.split('\n')[0]).toBe('pass=unset file=unset other=visible');
			expect(seen).not.toContain('hunter2-passphrase');
			expect(process.env.OAG_KEY_PASSPHRASE).toBe('hunter2-passphrase'); // our own environment is untouched
		} finally {
			for (const [name, value] of [['OAG_KEY_PASSPHRASE', saved.pass], ['OAG_PRIVATE_KEY_FILE', saved.file], ['OAG_TEST_VISIBLE', saved.other]] as const) {
				if (value === undefined) delete process.env[name];
				else process.env[name] = value;
			}
		}
	});
});

describe('keyCommand bounds', () => {
	it('completes when the command exits, though a background child still holds stdout', async () => {
		// Waiting for the pipe to close would run into the 3 s timeout: the sleep holds stdout for 10 s.
		expect(await runKeyCommand(`cat '${dir}/key.pem'; sleep 10 &`, 3_000)).toBe(pem);
	});

	it('refuses endless output beyond the cap instead of buffering it', async () => {
		await expect(runKeyCommand('yes AAAAAAAAAAAAAAAA', 20_000)).rejects.toThrow('the key command printed more than 64 KiB: not a key');
	});
});
