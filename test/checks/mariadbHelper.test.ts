import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {mariadbAvailable} from '../helpers/mariadb.js';

// The MariaDB helper must not leave servers behind: a test process killed hard (SIGKILL, no exit
// handler runs) still takes its mariadbd and data dir with it, through the watchdog.
vi.setConfig({testTimeout: 90_000});

const available = mariadbAvailable();
const alive = (pid: number): boolean => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

describe.skipIf(!available)('test/helpers/mariadb.ts', () => {
	it('kills the server and removes its data dir when the test process is killed', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'oag-mariadb-helper-'));
		const script = path.join(dir, 'start.mts');
		const helper = path.resolve(import.meta.dirname, '../helpers/mariadb.ts');
		await writeFile(
			script,
			`import {startMariaDb} from ${JSON.stringify(helper)};\nconst db = await startMariaDb();\nconsole.log(JSON.stringify({pid: db.pid, owner: process.pid}));\nsetInterval(() => {}, 1000);\n`,
		);
		const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
		const child = spawn(tsx, [script], {stdio: ['ignore', 'pipe', 'inherit'], detached: true});
		try {
			const started = await new Promise<{pid: number; owner: number}>((resolve, reject) => {
				let out = '';
				child.stdout.on('data', chunk => {
					out += String(chunk);
					if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
				});
				child.once('exit', code => reject(new Error(`the helper process exited (${code}) before the server started`)));
			});
			expect(alive(started.pid)).toBe(true);
			const datadir = /--datadir=([^\0]+)/.exec(await readFile(`/proc/${started.pid}/cmdline`, 'utf8'))?.[1];
			expect(datadir && existsSync(datadir)).toBe(true);
			// Only the process that started the server, hard (no exit handler runs), as a crashed worker dies:
			// the server itself is not signalled here, so only the helper's watchdog can end it.
			process.kill(started.owner, 'SIGKILL');
			await vi.waitFor(() => expect(alive(started.pid)).toBe(false), {timeout: 10_000, interval: 200});
			await vi.waitFor(() => expect(existsSync(datadir!)).toBe(false), {timeout: 5000, interval: 200});
		} finally {
			if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
			await rm(dir, {recursive: true, force: true});
		}
	});
});
