// Incident promotion: 500 apps TEST -> ACTIVE with verify-after-write, 20 ms simulated latency.
// Goal: the bulk (runBulk, cap 8, the operation `apps state --all-in-state TEST ACTIVE` builds) within
// 1.3x of the floor 2 x N x latency / concurrency (one write + one verify per app), and against a
// sequential loop. Printed as a table, never asserted. Run alone: node --import tsx bench/appsPromotion.ts
// (or call appsPromotionRows() from bench/run.ts).
import {spawn} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import {performance} from 'node:perf_hooks';
import {createInterface} from 'node:readline';
import {createOagClient} from '../source/api/client.js';
import {memoryAuditLog} from '../source/audit/memoryLog.js';
import {planStateChange} from '../source/domain/appPlan.js';
import {planOperations} from '../source/operations/appBulk.js';
import {DEFAULT_CONCURRENCY, runBulk} from '../source/operations/bulk.js';
import {createRunner} from '../source/operations/runner.js';

const APPS = 500;
const LATENCY_MS = 20;
const GOAL_FACTOR = 1.3;

type Measured = {label: string; ms: number; ok: number};

type SimLine = {url: string; clientId: string; keyFile: string; caFile?: string};

/**
 * The simulator in its own process (`oag-offline simulator`, from dist/cli.js: `npm run bench` builds it),
 * as a gateway is another machine: in-process, its CPU would be charged to the tool under test.
 */
async function simulatorProcess(): Promise<{line: SimLine; stop(): void}> {
	const child = spawn(process.execPath, ['dist/cli.js', 'simulator', '--apps', String(APPS), '--latency', String(LATENCY_MS)], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const first = await new Promise<string>((resolve, reject) => {
		createInterface({input: child.stdout}).once('line', resolve);
		child.once('exit', code => reject(new Error(`simulator exited with ${code}`)));
	});
	return {line: JSON.parse(first) as SimLine, stop: () => child.kill('SIGTERM')};
}

async function promote(mode: 'bulk' | 'sequential', concurrency: number): Promise<Measured> {
	const sim = await simulatorProcess();
	const {url, clientId, keyFile, caFile} = sim.line;
	const client = createOagClient({
		host: url,
		clientId,
		privateKey: await readFile(keyFile, 'utf8'),
		...(caFile ? {caPem: await readFile(caFile, 'utf8')} : {}),
		concurrency,
	});
	try {
		const apps = await client.apps.list();
		await Promise.all(apps.map(app => client.apps.setState(app.id, 'TEST')));
		await client.idps.list(); // token and connections warm, as after the plan's reads
		const runner = createRunner({audit: memoryAuditLog(), actor: () => ({profile: 'bench', gateway: 'sim', via: 'cli'}), readOnly: () => false});
		// The operations `apps state --all-in-state TEST ACTIVE` builds from its plan.
		const plan = planStateChange(apps.map(app => ({id: app.id, name: app.name, state: 'TEST'})), 'ACTIVE', {onlyFrom: 'TEST'});
		const ops = planOperations(client, plan, 'bench');
		const start = performance.now();
		let ok = 0;
		if (mode === 'bulk') {
			ok = (await runBulk(runner, ops, {concurrency, confirm: async () => true})).done;
		} else {
			for (const op of ops) if ((await runner.run(op, {confirm: async () => true})).ok) ok++;
		}
		const ms = performance.now() - start;
		return {label: mode === 'bulk' ? `bulk, cap ${concurrency}` : 'sequential loop', ms, ok};
	} finally {
		await client.close();
		sim.stop();
	}
}

export async function appsPromotionRows(): Promise<Array<Record<string, string>>> {
	const cap = DEFAULT_CONCURRENCY;
	const floor = (2 * APPS * LATENCY_MS) / cap;
	const bulk = await promote('bulk', cap);
	const sequential = await promote('sequential', 1);
	return [
		{
			benchmark: `${APPS} apps TEST -> ACTIVE + verify, ${LATENCY_MS} ms latency`,
			floor: `2 x N x latency / ${cap} = ${floor.toFixed(0)} ms`,
			bulk: `${bulk.ms.toFixed(0)} ms (${bulk.ok} ok) = ${(bulk.ms / floor).toFixed(2)}x floor`,
			goal: `<= ${GOAL_FACTOR}x floor: ${bulk.ms <= GOAL_FACTOR * floor ? 'met' : 'not met'}`,
			sequential: `${sequential.ms.toFixed(0)} ms (${sequential.ok} ok), bulk ${(sequential.ms / bulk.ms).toFixed(1)}x faster`,
		},
	];
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await appsPromotionRows());
