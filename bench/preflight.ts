// The MySQL pre-flight's goal (issue 9): a closed port fails in under a second, not after the step
// timeout. Measured here, printed as a table (figure, measured, goal, met), never asserted in tests.
// Run: npm run bench:preflight (a closed loopback port, and a real MariaDB when mariadbd is installed).
import {performance} from 'node:perf_hooks';
import {checkMysqlDatabase} from '../source/checks/mysql/index.js';
import {freePort} from '../test/helpers/daemon.js';
import {startMariaDb} from '../test/helpers/mariadb.js';

type GoalRow = {figure: string; measured: string; goal: string; met: 'yes' | 'no'};

const RUNS = 20;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timedChecks(port: number, extra: {user?: string; password?: string; database?: string} = {}): Promise<{ms: number[]; last: string}> {
	const ms: number[] = [];
	let last = '';
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		// The step timeout stays at its default (5 s): a pass here means "refused", never "timed out".
		const report = await checkMysqlDatabase({host: '127.0.0.1', port, user: 'svc', password: 'bench', database: 'oag', ...extra});
		ms.push(performance.now() - started);
		last = report.steps.find(step => step.status === 'fail')?.reason ?? 'all passed';
	}
	return {ms, last};
}

const rows: GoalRow[] = [];
// A port that was just free: nothing listens on it, so the kernel refuses at once.
const closed = await timedChecks(await freePort());
rows.push({
	figure: `pre-flight to a closed loopback port (${RUNS} runs; ${closed.last.slice(0, 40)}…)`,
	measured: `median ${median(closed.ms).toFixed(1)} ms, max ${Math.max(...closed.ms).toFixed(1)} ms`,
	goal: 'max < 1000 ms',
	met: Math.max(...closed.ms) < 1000 ? 'yes' : 'no',
});
try {
	const db = await startMariaDb();
	try {
		await db.admin('CREATE DATABASE oag');
		await db.admin(`CREATE USER 'svc'@'%' IDENTIFIED BY 'bench-password'`);
		await db.admin(`GRANT ALL PRIVILEGES ON oag.* TO 'svc'@'%'`);
		const full = await timedChecks(db.port, {password: 'bench-password'});
		rows.push({
			figure: `full pre-flight against MariaDB on loopback, all 7 steps (${RUNS} runs; ${full.last})`,
			measured: `median ${median(full.ms).toFixed(1)} ms, max ${Math.max(...full.ms).toFixed(1)} ms`,
			goal: '(no goal: for reference)',
			met: 'yes',
		});
	} finally {
		await db.stop();
	}
} catch (error) {
	console.log(`MariaDB row left out: ${error instanceof Error ? error.message : error}`);
}
console.table(rows);
