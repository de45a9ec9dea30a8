import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {backoffDelay, createPoller} from '../../source/store/poller.js';

describe('backoffDelay', () => {
	it('is the interval without failures and doubles per failure, capped, with bounded jitter', () => {
		expect(backoffDelay(1000, 0, 60_000, 0.9)).toBe(1000);
		for (const random of [0, 0.5, 0.999]) {
			const d1 = backoffDelay(1000, 1, 60_000, random);
			const d3 = backoffDelay(1000, 3, 60_000, random);
			expect(d1).toBeGreaterThanOrEqual(1500);
			expect(d1).toBeLessThanOrEqual(2500);
			expect(d3).toBeGreaterThanOrEqual(6000);
			expect(d3).toBeLessThanOrEqual(10_000);
			expect(backoffDelay(1000, 20, 60_000, random)).toBeLessThanOrEqual(60_000);
		}
	});
});

describe('createPoller (fake timers)', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	const deferredTask = () => {
		const pending: Array<{resolve: (v: string) => void; reject: (e: Error) => void}> = [];
		let inFlight = 0;
		let maxInFlight = 0;
		const task = () => {
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			return new Promise<string>((resolve, reject) => {
				pending.push({
					resolve: v => {
						inFlight--;
						resolve(v);
					},
					reject: e => {
						inFlight--;
						reject(e);
					},
				});
			});
		};
		return {task, pending, max: () => maxInFlight};
	};

	it('clamps the interval to the floor', () => {
		const poller = createPoller({task: async () => 1, intervalMs: 500, floorMs: 2000});
		expect(poller.status().intervalMs).toBe(2000);
		poller.setIntervalMs(100);
		expect(poller.status().intervalMs).toBe(2000);
	});

	it('never starts a second request while one is in flight, even when asked to poll now', async () => {
		const {task, pending, max} = deferredTask();
		const poller = createPoller({task, intervalMs: 2000, floorMs: 2000, timers: {random: () => 0.5}});
		poller.start();
		void poller.pollNow();
		void poller.pollNow();
		await vi.advanceTimersByTimeAsync(30_000); // a slow answer: no timer may fire a second request
		expect(pending).toHaveLength(1);
		pending[0]!.resolve('ok');
		await vi.advanceTimersByTimeAsync(0);
		expect(poller.status().inFlight).toBe(false);
		await vi.advanceTimersByTimeAsync(2000);
		expect(pending).toHaveLength(2);
		expect(max()).toBe(1);
		poller.stop();
	});

	it('backs off exponentially on errors, marks stale since the first failure, and recovers', async () => {
		const {task, pending} = deferredTask();
		const starts: number[] = [];
		const poller = createPoller({
			task: () => {
				starts.push(Date.now());
				return task();
			},
			intervalMs: 1000,
			floorMs: 1000,
			timers: {random: () => 0.5}, // jitter factor exactly 1
		});
		const t0 = Date.now();
		poller.start();
		for (let i = 0; i < 4; i++) {
			await vi.advanceTimersByTimeAsync(0);
			pending[i]!.reject(new Error('boom'));
			await vi.advanceTimersByTimeAsync(0);
			if (i < 3) await vi.advanceTimersByTimeAsync(1000 * 2 ** (i + 1));
		}
		const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
		expect(gaps).toEqual([2000, 4000, 8000]);
		expect(poller.status().failureStreak).toBe(4);
		expect(poller.status().staleSince).toBe(t0);
		expect(poller.status().lastError).toBe('boom');
		await vi.advanceTimersByTimeAsync(16_000);
		pending[4]!.resolve('ok');
		await vi.advanceTimersByTimeAsync(0);
		expect(poller.status()).toMatchObject({failureStreak: 0, staleSince: undefined});
		poller.stop();
	});

	it('pauses (no requests while hidden) and polls at once on resume', async () => {
		let calls = 0;
		const poller = createPoller({task: async () => ++calls, intervalMs: 2000, floorMs: 2000});
		poller.start();
		await vi.advanceTimersByTimeAsync(0);
		expect(calls).toBe(1);
		poller.pause();
		await vi.advanceTimersByTimeAsync(20_000);
		expect(calls).toBe(1);
		expect(poller.status().nextAt).toBeUndefined();
		poller.resume();
		await vi.advanceTimersByTimeAsync(0);
		expect(calls).toBe(2);
		await vi.advanceTimersByTimeAsync(2000);
		expect(calls).toBe(3);
		poller.stop();
		await vi.advanceTimersByTimeAsync(20_000);
		expect(calls).toBe(3);
	});
});
