import {writeFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {getHeapSpaceStatistics} from 'node:v8';

// Keystroke-to-frame timing for bench/ (off unless OAG_BENCH_FRAMES names a file). For each burst of input
// it records the time from the first unrendered keystroke reaching stdin to the end of the next frame Ink
// writes; the samples ({at: epoch ms of the keystroke, ms, cpuMs}) are written as JSON when the process exits.
// cpuMs is the CPU time the process used over the same span: on a machine shared with other jobs the wall
// time also counts waiting for a core, the CPU time does not.

export type FrameTimer = {onRender: (metrics: {renderTime: number}) => void};

export function startFrameTimer(file: string | undefined, stdin: NodeJS.ReadStream = process.stdin): FrameTimer | undefined {
	if (!file) return undefined;
	const samples: Array<{at: number; ms: number; cpuMs: number}> = [];
	// Every frame Ink drew: when (epoch ms) and how long its output stage took, to tell what drew during a load.
	const frames: Array<{at: number; renderMs: number}> = [];
	let pendingSince: number | undefined;
	let cpuSince: NodeJS.CpuUsage | undefined;
	// Only notes the time: the first listener on 'readable' runs before Ink's, which reads the input.
	stdin.prependListener('readable', () => {
		if (pendingSince !== undefined) return;
		pendingSince = performance.now();
		cpuSince = process.cpuUsage();
	});
	// Where the memory is at the end (V8's spaces, ArrayBuffers, the rest): for reading a peak RSS figure.
	const memory = () => ({
		...process.memoryUsage(),
		spaces: Object.fromEntries(getHeapSpaceStatistics().map(s => [s.space_name, {size: s.space_size, used: s.space_used_size}])),
	});
	process.on('exit', () => writeFileSync(file, JSON.stringify({samples, frames, memory: memory()})));
	return {
		onRender({renderTime}) {
			frames.push({at: performance.timeOrigin + performance.now(), renderMs: renderTime});
			if (pendingSince === undefined) return;
			const cpu = process.cpuUsage(cpuSince);
			samples.push({at: performance.timeOrigin + pendingSince, ms: performance.now() - pendingSince, cpuMs: (cpu.user + cpu.system) / 1000});
			pendingSince = undefined;
		},
	};
}
