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
});
