import {writeFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';

// Keystroke-to-frame timing for bench/ (off unless OAG_BENCH_FRAMES names a file). For each burst of input
// it records the time from the first unrendered keystroke reaching stdin to the end of the next frame Ink
// writes; the samples ({at: epoch ms of the keystroke, ms}) are written as JSON when the process exits.

export type FrameTimer = {onRender: () => void};

export function startFrameTimer(file: string | undefined, stdin: NodeJS.ReadStream = process.stdin): FrameTimer | undefined {
	if (!file) return undefined;
	const samples: Array<{at: number; ms: number}> = [];
	let pendingSince: number | undefined;
	// Only notes the time: the first listener on 'readable' runs before Ink's, which reads the input.
	stdin.prependListener('readable', () => {
		pendingSince ??= performance.now();
	});
	process.on('exit', () => writeFileSync(file, JSON.stringify({samples})));
	return {
		onRender() {
			if (pendingSince === undefined) return;
			samples.push({at: performance.timeOrigin + pendingSince, ms: performance.now() - pendingSince});
			pendingSince = undefined;
		},
	};
}
