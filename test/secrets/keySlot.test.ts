import {mkdir, mkdtemp, readdir, rm, utimes, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {oagPaths, type OagPaths} from '../../source/config/paths.js';
import {freshSlot, profileOfSlot, slotOf, sweepOrphanSlots} from '../../source/secrets/keySlot.js';

let dir: string;
let paths: OagPaths;
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'oag-slot-'));
	paths = oagPaths({OAG_CONFIG_DIR: dir});
	await mkdir(paths.keys, {recursive: true});
});
afterEach(async () => rm(dir, {recursive: true, force: true}));

const touch = async (name: string, ageMs: number): Promise<void> => {
	const file = path.join(paths.keys, name);
	await writeFile(file, 'x', {mode: 0o600});
	const when = new Date(Date.now() - ageMs);
	await utimes(file, when, when);
};

describe('key slots', () => {
	it('a first login uses the profile name; a re-login or a leftover file gets a fresh random slot', async () => {
		expect(await freshSlot('gw1', undefined, paths)).toBe('gw1');
		const again = await freshSlot('gw1', {host: 'h', clientId: 'c', keyBackend: 'keychain'}, paths);
		expect(again).toMatch(/^gw1~[0-9a-f]{8}$/);
		await touch('gw2.INSECURE.pem', 0);
		expect(await freshSlot('gw2', undefined, paths)).toMatch(/^gw2~[0-9a-f]{8}$/);
		expect(profileOfSlot(again)).toBe('gw1');
		expect(slotOf('gw1', {keySlot: again})).toBe(again);
		expect(slotOf('gw1', {})).toBe('gw1');
	});

	it('sweeps old orphaned files of the profile only, never the slot in use, other profiles or fresh work', async () => {
		const hour = 60 * 60_000;
		await touch('gw1.key.enc.json', hour); // an older slot of gw1 nobody uses
		await touch('gw1~0a0b0c0d.envelope.json', hour); // a killed login's slot
		await touch('gw1~11223344.key.enc.json.a1b2c3.tmp', hour); // an interrupted write
		await touch('gw1~99999999.key.enc.json', hour); // the slot in use
		await touch('gw1~55555555.key.enc.json', 1_000); // a concurrent login at work
		await touch('gw1.key.key.enc.json', hour); // profile "gw1.key"
		await touch('gw10.INSECURE.pem', hour); // profile "gw10"
		const removed = await sweepOrphanSlots('gw1', 'gw1~99999999', paths);
		expect(removed.map((file) => path.basename(file)).sort()).toEqual(['gw1.key.enc.json', 'gw1~0a0b0c0d.envelope.json', 'gw1~11223344.key.enc.json.a1b2c3.tmp']);
		expect((await readdir(paths.keys)).sort()).toEqual(['gw1.key.key.enc.json', 'gw10.INSECURE.pem', 'gw1~55555555.key.enc.json', 'gw1~99999999.key.enc.json']);
	});
});
