// Benchmarks as ratios measured in one run, printed as a table (never asserted in tests).
// Run: npm run bench. Everything talks to the embedded simulator on loopback.
import {execFileSync} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import {createOagClient} from '../source/api/client.js';
import type {OagClientOptions} from '../source/api/clientOptions.js';
import {startSimulator} from '../source/simulator/index.js';
import type {SimulatorOptions} from '../source/simulator/types.js';

type Row = {name: string; baseline: string; candidate: string; baselineMs: number; candidateMs: number};

async function timed(run: () => Promise<unknown>): Promise<number> {
	const start = performance.now();
	await run();
	return performance.now() - start;
}

async function withSim<T>(options: SimulatorOptions, body: (base: OagClientOptions) => Promise<T>): Promise<T> {
	const sim = await startSimulator(options);
	try {
		return await body({host: sim.url, clientId: sim.clientId, privateKey: sim.privateKeyPem, caPem: sim.caPem});
	} finally {
		await sim.close();
	}
}

async function tokenCache(): Promise<Row> {
	const calls = 200;
	const run = (authMode: 'token' | 'direct-bearer') =>
		// A gateway without a token endpoint takes the signed assertion itself as the bearer.
		withSim({apps: 10, directBearerOnly: authMode === 'direct-bearer'}, async base => {
			const client = createOagClient({...base, authMode, concurrency: 1});
			await client.idps.list(); // warm the connection (and the token, where there is one)
			const ms = await timed(async () => {
				for (let i = 0; i < calls; i++) await client.idps.list();
			});
			await client.close();
			return ms;
		});
	return {
		name: `${calls} sequential reads`,
		baseline: 'fresh signed assertion per call',
		candidate: 'cached bearer token',
		baselineMs: await run('direct-bearer'),
		candidateMs: await run('token'),
	};
}

async function concurrency(): Promise<Row> {
	const apps = 400;
	const run = (cap: number) =>
		withSim({apps, faults: {latencyMs: 5}}, async base => {
			const client = createOagClient({...base, concurrency: cap});
			const list = await client.apps.list();
			const ms = await timed(() => Promise.all(list.map(app => client.apps.getState(app.id))));
			await client.close();
			return ms;
		});
	return {
		name: `${apps} app-state reads, 5 ms latency`,
		baseline: 'concurrency 1',
		candidate: 'concurrency 8 (default)',
		baselineMs: await run(1),
		candidateMs: await run(8),
	};
}

function coldStart(): Row {
	const time = (args: string[]) => {
		const start = performance.now();
		execFileSync(process.execPath, args, {stdio: 'ignore'});
		return performance.now() - start;
	};
	const median = (args: string[]) => {
		const runs = Array.from({length: 5}, () => time(args)).sort((a, b) => a - b);
		return runs[2]!;
	};
	return {
		name: 'start to --help',
		baseline: 'sources through tsx',
		candidate: 'esbuild bundle dist/cli.js',
		baselineMs: median(['--import', 'tsx', 'cli.tsx', '--help']),
		candidateMs: median(['dist/cli.js', '--help']),
	};
}

const rows = [await tokenCache(), await concurrency(), coldStart()];
const table = rows.map(r => ({
	benchmark: r.name,
	baseline: `${r.baseline}: ${r.baselineMs.toFixed(0)} ms`,
	candidate: `${r.candidate}: ${r.candidateMs.toFixed(0)} ms`,
	speedup: `${(r.baselineMs / r.candidateMs).toFixed(2)}x`,
}));
console.table(table);

// The TUI's goals: one row per goal, measured on the bundle (see bench/goals.ts).
const {goalRows, goalsNote, machineNote} = await import('./goals.js');
console.log(goalsNote);
console.table(await goalRows());
console.log(machineNote());

// Incident promotion (issue 11): 500 apps to ACTIVE with verify, against its floor and a sequential loop.
const {appsPromotionRows} = await import('./appsPromotion.js');
console.table(await appsPromotionRows());
