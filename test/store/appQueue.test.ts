import {describe, expect, it} from 'vitest';
import {createAppQueue, type AppWork} from '../../source/store/slices/appQueue.js';
import {createSingleFlight} from '../../source/store/singleFlight.js';

const tick = () => new Promise(resolve => setTimeout(resolve, 0));

describe('app read queue', () => {
	it('reads the prioritised apps first (states, then their policies), then every state, then every policy', async () => {
		const order: string[] = [];
		const gates: Array<() => void> = [];
		const queue = createAppQueue({
			concurrency: 1,
			run: (work: AppWork, id: string) => {
				order.push(`${work}:${id}`);
				return new Promise<void>(resolve => gates.push(resolve));
			},
			onIdle: () => {},
		});
		queue.reset(['a', 'b', 'c', 'd'], true);
		queue.prioritise(['c', 'd']); // the first read (a) has already started
		while (gates.length > 0) {
			gates.shift()!();
			await tick();
		}
		await queue.idle();
		expect(order).toEqual(['state:a', 'state:c', 'state:d', 'policy:c', 'policy:d', 'state:b', 'policy:a', 'policy:b']);
	});

	it('never runs more reads at once than the cap, and says when the states are done', async () => {
		let running = 0;
		let peak = 0;
		const queue = createAppQueue({
			concurrency: 3,
			run: async () => {
				running++;
				peak = Math.max(peak, running);
				await tick();
				running--;
			},
			onIdle: () => {},
		});
		queue.reset(Array.from({length: 20}, (_, i) => `app-${i}`), false);
		await queue.statesDone();
		await queue.idle();
		expect(peak).toBe(3);
	});
});

describe('single flight with a freshness age', () => {
	it('joins a load in flight, and ensure() skips a fresh one', async () => {
		let now = 1_000;
		let loadedAt: number | undefined;
		let runs = 0;
		const flight = createSingleFlight({
			run: async () => {
				runs++;
				await tick();
				loadedAt = now;
			},
			loadedAt: () => loadedAt,
			freshMs: 100,
			now: () => now,
		});
		await Promise.all([flight.load(), flight.load(), flight.ensure()]);
		expect(runs).toBe(1);
		await flight.ensure();
		expect(runs).toBe(1);
		now += 100;
		await flight.ensure();
		expect(runs).toBe(2);
		await flight.load();
		expect(runs).toBe(3);
	});
});
