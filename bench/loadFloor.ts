// Where the load goal's time goes, without the TUI: every app's state read at a simulated latency, first by a
// bare undici loop (the floor: the simulator's timer and a loopback TLS round trip on this machine), then by
// the store over the real client. Both share the process with the simulator, as the goals bench does.
// Run: node --import tsx bench/loadFloor.ts (APPS, LATENCY_MS to change the scenario).
import {cpus, loadavg} from 'node:os';
import {Agent, request} from 'undici';
import {createOagClient} from '../source/api/client.js';
import {createOagStore} from '../source/store/createOagStore.js';
import type {RunningSimulator} from '../source/simulator/types.js';
import {dispatcherFor, startTestSimulator, tokenFor} from '../test/helpers/simulator.js';

const APPS = Number(process.env.APPS ?? 2_000);
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 20);
const CONCURRENCY = 8;
const ideal = (APPS * LATENCY_MS) / CONCURRENCY;
const goalMs = 1.2 * ideal;

type Row = {path: string; measured: string; 'ms per read (in flight)': string; goal: string; met: 'yes' | 'no'};

const row = (path: string, ms: number, perRead: number[]): Row => {
	const sorted = [...perRead].sort((a, b) => a - b);
	const at = (p: number) => sorted[Math.floor(p * (sorted.length - 1))]!.toFixed(1);
	return {
		path,
		measured: `${(ms / 1000).toFixed(2)} s`,
		'ms per read (in flight)': `p50 ${at(0.5)} / p90 ${at(0.9)} / p99 ${at(0.99)}`,
		goal: `<= ${(goalMs / 1000).toFixed(2)} s`,
		met: ms <= goalMs ? 'yes' : 'no',
	};
};

/** The floor: the same GETs over undici alone, 8 at a time, a token minted once. */
async function bareUndici(sim: RunningSimulator): Promise<Row> {
	const dispatcher = dispatcherFor(sim);
	const token = await tokenFor(sim, dispatcher);
	const ids = (await (await request(`${sim.url}/api/v2/apps`, {dispatcher, headers: {authorization: `Bearer ${token}`}})).body.json()) as Array<{id: string}>;
	const perRead: number[] = [];
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({length: CONCURRENCY}, async () => {
			while (next < ids.length) {
				const id = ids[next++]!.id;
				const sent = performance.now();
				const response = await request(`${sim.url}/api/v2/apps/${id}/offline-mode`, {dispatcher, headers: {authorization: `Bearer ${token}`, accept: 'application/json'}});
				await response.body.text();
				perRead.push(performance.now() - sent);
			}
		}),
	);
	const ms = performance.now() - started;
	await dispatcher.close();
	return row('undici alone (the floor)', ms, perRead);
}

/** The store's load over the real client (token, headers, limiter, timeout, zod, batched publishing). */
async function storeLoad(sim: RunningSimulator): Promise<Row> {
	const perRead: number[] = [];
	const client = createOagClient({host: sim.url, clientId: sim.clientId, privateKey: sim.privateKeyPem, caPem: sim.caPem, onRequest: e => perRead.push(e.ms)});
	const store = createOagStore({
		api: client,
		connection: {profile: 'bench', host: new URL(sim.url).host, keyBackend: 'test', readOnly: true, insecure: false},
		authState: () => client.authState(),
		healthIntervalMs: 60_000,
		appPolicies: false,
	});
	const started = performance.now();
	await store.ensure('apps');
	const ms = performance.now() - started;
	const known = store.state.getState().apps.detailsLoaded;
	store.dispose();
	await client.close();
	if (known !== APPS) throw new Error(`the store knows ${known} of ${APPS} states`);
	return row('store + client (token, list, states)', ms, perRead);
}

const sim = await startTestSimulator({apps: APPS, idps: 2, faults: {latencyMs: LATENCY_MS}});
try {
	const loadAtStart = loadavg();
	const rows = [await bareUndici(sim), await storeLoad(sim)];
	console.log(`${APPS} state reads at ${LATENCY_MS} ms latency, ${CONCURRENCY} at a time (ideal ${(ideal / 1000).toFixed(2)} s), simulator in this process`);
	console.table(rows);
	const loads = (values: number[]) => values.map(l => l.toFixed(1)).join(' / ');
	console.log(`machine: ${cpus().length} CPUs, load average ${loads(loadAtStart)} at the start, ${loads(loadavg())} at the end`);
} finally {
	await sim.close();
}
