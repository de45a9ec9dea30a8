import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createOagClient} from '../../source/api/client.js';
import type {OagClient} from '../../source/api/clientOptions.js';
import {mapLimit} from '../../source/store/mapLimit.js';
import {BUNDLE, ensureBundle, spawnSimulatorProcess} from '../helpers/bundle.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';

// The incident path in a real terminal against a 2,000-app gateway: from launch to "all TEST apps ACTIVE",
// counting the keys pressed (the issue allows at most 8 plus the confirmation word), then reading the
// gateway back.

const APPS = 2000;
let sim: Awaited<ReturnType<typeof spawnSimulatorProcess>>;
let reader: OagClient;
let dir: string;
let session: TmuxSession | undefined;
let testIds: string[];

beforeAll(async () => {
	ensureBundle();
	sim = await spawnSimulatorProcess(['--apps', String(APPS)]);
	reader = createOagClient({
		host: sim.line.url,
		clientId: sim.line.clientId,
		privateKey: await readFile(sim.line.keyFile, 'utf8'),
		caPem: await readFile(sim.line.caFile!, 'utf8'),
		concurrency: 32,
	});
	const apps = await reader.apps.list();
	testIds = apps.filter((_, i) => i % 4 === 1).map(app => app.id);
	await mapLimit(testIds, 32, id => reader.apps.setState(id, 'TEST'));
	dir = await mkdtemp(path.join(tmpdir(), 'oag-apps-tmux-'));
}, 120_000);
afterAll(async () => {
	session?.kill();
	await reader?.close();
	await sim?.stop();
	await rm(dir, {recursive: true, force: true});
});

describe('incident promotion in a terminal', () => {
	it('launch -> all TEST apps ACTIVE in 2 keys plus the word, on 2,000 apps', async () => {
		const {url, clientId, keyFile, caFile} = sim.line;
		const launch = `${process.execPath} ${BUNDLE} --host ${url} --client-id ${clientId} --key-file ${keyFile} --ca-file ${caFile} 2>/dev/null`;
		session = startTmux(launch, {columns: 100, rows: 30}, {OAG_CONFIG_DIR: path.join(dir, 'config'), OAG_STATE_DIR: path.join(dir, 'state')});
		let keys = 0;
		await session.waitFor(s => s.includes('Readiness'), 30_000);
		session.type('P');
		keys++;
		await session.waitFor(s => s.includes('Type ACTIVE to confirm'), 60_000);
		const plan = session.capture();
		expect(plan).toMatch(new RegExp(`Plan: ${testIds.length + 1} app\\(s\\) to ACTIVE`)); // + the seeded TEST app
		session.type('ACTIVE'); // the confirmation word, not counted
		session.sendKeys('Enter');
		keys++;
		await session.waitFor(s => s.includes(`${testIds.length + 1} set to ACTIVE and verified, 0 failed`), 60_000);
		expect(keys).toBeLessThanOrEqual(8);

		const states = await mapLimit(testIds, 32, id => reader.apps.getState(id));
		expect(states.every(s => s.state === 'ACTIVE')).toBe(true);
		session.type('q');
		await session.waitFor(s => s.includes('EXITED 0'));
	}, 180_000);
});
