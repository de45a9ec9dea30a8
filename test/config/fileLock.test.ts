import {mkdtemp, readdir, rm, utimes, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {withFileLock} from '../../source/config/fileLock.js';
import {LocalFileError} from '../../source/config/fsErrors.js';
import {loadProfiles, updateProfiles} from '../../source/config/profiles.js';
import {oagPaths} from '../../source/config/paths.js';

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'oag-lock-'));
});
afterEach(async () => rm(dir, {recursive: true, force: true}));

describe('profiles lock', () => {
	it('serialises holders: the second runs only after the first released', async () => {
		const lock = path.join(dir, 'x.lock');
		const order: string[] = [];
		let release!: () => void;
		const first = withFileLock(lock, async () => {
			order.push('first in');
			await new Promise<void>((resolve) => (release = resolve));
			order.push('first out');
		});
		await new Promise((resolve) => setTimeout(resolve, 30));
		const second = withFileLock(lock, async () => void order.push('second'));
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(order).toEqual(['first in']);
		release();
		await Promise.all([first, second]);
		expect(order).toEqual(['first in', 'first out', 'second']);
		expect(await readdir(dir)).toEqual([]);
	});

	it('takes over a lock whose process is gone, and one older than the stale limit', async () => {
		const lock = path.join(dir, 'x.lock');
		await writeFile(lock, '2147483646\n'); // no such process
		expect(await withFileLock(lock, async () => 'ran')).toBe('ran');
		await writeFile(lock, `${process.pid}\n`);
		const old = new Date(Date.now() - 60_000);
		await utimes(lock, old, old);
		expect(await withFileLock(lock, async () => 'ran again')).toBe('ran again');
	});

	it('gives up on a live holder after the wait, naming the lock file', async () => {
		const lock = path.join(dir, 'x.lock');
		await writeFile(lock, `${process.pid}\n`);
		const error = await withFileLock(lock, async () => 'never', 200).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(LocalFileError);
		expect((error as Error).message).toBe(`cannot create ${lock}: another oag-offline process holds this lock (remove the file if none runs)`);
	});

	it('twenty concurrent updates in one process lose none', async () => {
		const paths = oagPaths({OAG_CONFIG_DIR: dir});
		await Promise.all(
			Array.from({length: 20}, (_, i) => updateProfiles((data) => void (data.profiles[`p${i}`] = {host: 'h', clientId: 'c', keyBackend: 'none'}), paths)),
		);
		expect(Object.keys((await loadProfiles(paths)).profiles)).toHaveLength(20);
	});
});
