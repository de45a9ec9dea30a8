// The bundled TUI (dist/cli.js, as users run it) in a tmux terminal against a simulator running in this
// process, so the simulator's request counters can be read while the TUI works, and the simulator's own
// memory is not counted in the TUI's.
import {execFileSync} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startSimulator} from '../source/simulator/index.js';
import type {RunningSimulator, SimulatorOptions} from '../source/simulator/types.js';
import {BUNDLE, ROOT} from '../test/helpers/bundle.js';
import {startTmux, type TmuxSession} from '../test/helpers/tmux.js';

export type TuiSession = {
	sim: RunningSimulator;
	tmux: TmuxSession;
	pid: number;
	/** A /proc/PID/status field in MB (VmRSS: now, VmHWM: peak). */
	memoryMb(field: 'VmRSS' | 'VmHWM'): number;
	/** `:name` Enter, then wait for the screen to show `expect`. */
	go(screen: string, expect: string): Promise<void>;
	/** The keystroke-to-frame samples and the memory breakdown the TUI wrote at exit (OAG_BENCH_FRAMES). */
	quit(): Promise<FramesFile>;
	close(): Promise<void>;
};

export type FramesFile = {
	samples: Array<{at: number; ms: number; cpuMs: number}>;
	frames: Array<{at: number; renderMs: number}>;
	memory: NodeJS.MemoryUsage & {spaces: Record<string, {size: number; used: number}>};
};

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** `nodeArgs` go before the bundle (a profile: `--cpu-prof`, which NODE_OPTIONS does not take). */
export async function startTuiSession(
	options: SimulatorOptions,
	extraEnv: Record<string, string> = {},
	nodeArgs: readonly string[] = [],
): Promise<TuiSession> {
	const dir = await mkdtemp(join(tmpdir(), 'oag-bench-'));
	const sim = await startSimulator({...options, dataDir: join(dir, 'sim')});
	const framesFile = join(dir, 'frames.json');
	const args = ['--host', sim.url, '--client-id', sim.clientId, '--key-file', sim.keyFile, '--ca-file', sim.caFile!];
	const env = {
		OAG_BENCH_FRAMES: framesFile,
		XDG_CONFIG_HOME: join(dir, 'config'),
		XDG_STATE_HOME: join(dir, 'state'),
		XDG_DATA_HOME: join(dir, 'data'),
		XDG_CACHE_HOME: join(dir, 'cache'),
		...extraEnv,
	};
	// Quoted for the shell tmux runs: a value may hold spaces (NODE_OPTIONS with two flags).
	const quote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;
	const assignments = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`).join(' ');
	const tmux = startTmux(`cd ${ROOT} && ${assignments} ${[process.execPath, ...nodeArgs.map(quote), BUNDLE].join(' ')} ${args.join(' ')} 2>/dev/null`, {columns: 120, rows: 36});
	const shellPid = execFileSync('tmux', ['-L', tmux.socket, 'list-panes', '-t', 'e2e', '-F', '#{pane_pid}'], {encoding: 'utf8'}).trim();
	let pid = 0;
	for (let i = 0; i < 50 && !pid; i++) {
		try {
			pid = Number(execFileSync('pgrep', ['-P', shellPid, '-f', 'cli.js'], {encoding: 'utf8'}).trim().split('\n')[0]);
		} catch {
			await sleep(100);
		}
	}
	if (!pid) throw new Error('the TUI process did not start');
	const memoryMb = (field: 'VmRSS' | 'VmHWM') => {
		const status = execFileSync('cat', [`/proc/${pid}/status`], {encoding: 'utf8'});
		const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
		return kb / 1024;
	};
	return {
		sim,
		tmux,
		pid,
		memoryMb,
		async go(screen, expect) {
			tmux.type(`:${screen}`);
			tmux.sendKeys('Enter');
			await tmux.waitFor(s => s.includes(expect), 30_000);
		},
		async quit() {
			tmux.type('q');
			await tmux.waitFor(s => s.includes('EXITED'), 15_000);
			return JSON.parse(await readFile(framesFile, 'utf8')) as FramesFile;
		},
		async close() {
			tmux.kill();
			await sim.close();
			await rm(dir, {recursive: true, force: true});
		},
	};
}

/** Waits until the simulator has seen `count` requests on `route` (or the timeout passes); returns when. */
export async function untilRequests(sim: RunningSimulator, route: string, count: number, timeoutMs: number): Promise<number> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if ((sim.control.counters().byRoute[route] ?? 0) >= count) return performance.now();
		await sleep(2);
	}
	throw new Error(`${route}: fewer than ${count} requests after ${timeoutMs} ms`);
}

export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
