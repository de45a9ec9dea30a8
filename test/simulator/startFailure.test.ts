import {mkdir, mkdtemp, readdir, rm} from 'node:fs/promises';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimulator} from '../../source/simulator/index.js';

// A simulator that cannot start (its port is taken) must not leave the API client's private key behind:
// the temp dir it made is removed, and in a dir it was given, the files it wrote are.

let scratch: string;
let blocker: Server;
let port: number;
const savedTmp = process.env.TMPDIR;

beforeAll(async () => {
	scratch = await mkdtemp(path.join(tmpdir(), 'oag-sim-fail-'));
	blocker = createServer();
	await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve));
	port = (blocker.address() as {port: number}).port;
});
afterAll(async () => {
	process.env.TMPDIR = savedTmp;
	if (savedTmp === undefined) delete process.env.TMPDIR;
	await new Promise(resolve => blocker.close(resolve));
	await rm(scratch, {recursive: true, force: true});
});

describe('a failed simulator start', () => {
	it('removes the temp dir it made, key included', async () => {
		const own = path.join(scratch, 'tmp');
		await rm(own, {recursive: true, force: true});
		await mkdir(own);
		// os.tmpdir() follows TMPDIR, so the simulator's mkdtemp lands where this test can look.
		process.env.TMPDIR = own;
		try {
			await expect(startSimulator({port, http: true})).rejects.toThrow(/EADDRINUSE/);
			await expect(startSimulator({port})).rejects.toThrow(/EADDRINUSE/);
		} finally {
			process.env.TMPDIR = savedTmp;
			if (savedTmp === undefined) delete process.env.TMPDIR;
		}
		expect(await readdir(own)).toEqual([]);
	});

	it('removes the key and CA files it wrote into a dir it was given, and keeps the dir', async () => {
		const given = path.join(scratch, 'given');
		await expect(startSimulator({port, dataDir: given})).rejects.toThrow(/EADDRINUSE/);
		expect(await readdir(given)).toEqual([]);
	});

	it('still starts and cleans up normally', async () => {
		const given = path.join(scratch, 'ok');
		const sim = await startSimulator({dataDir: given, http: true});
		expect(await readdir(given)).toEqual(['oag-sim-client-key.pem']);
		await sim.close();
	});
});
