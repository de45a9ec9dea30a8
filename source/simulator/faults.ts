import type {Prng} from './prng.js';
import type {FaultOptions} from './types.js';

// Fault injection for resource routes. Decisions come from a seeded PRNG so a failing run can be
// replayed; the rate limit is a fixed one-second window per client.

export type FaultDecision = 'reset' | 'error' | undefined;

export class FaultInjector {
	private faults: FaultOptions;
	private readonly windows = new Map<string, {second: number; count: number}>();

	constructor(
		faults: FaultOptions,
		private readonly prng: Prng,
	) {
		this.faults = {...faults};
	}

	set(faults: FaultOptions): void {
		this.faults = {...faults};
		this.windows.clear();
	}

	get latencyMs(): number {
		return Math.max(0, this.faults.latencyMs ?? 0);
	}

	/** Seconds to wait when the client is over its limit, else undefined (and the request is counted). */
	rateLimit(clientId: string, nowMs: number): number | undefined {
		const limit = this.faults.rateLimitPerSecond ?? 0;
		if (limit <= 0) return undefined;
		const second = Math.floor(nowMs / 1000);
		const window = this.windows.get(clientId);
		if (!window || window.second !== second) {
			this.windows.set(clientId, {second, count: 1});
			return undefined;
		}
		if (window.count >= limit) return Math.max(1, Math.ceil((second * 1000 + 1000 - nowMs) / 1000));
		window.count++;
		return undefined;
	}

	private applies(pathname: string): boolean {
		return this.faults.pathPattern === undefined || new RegExp(this.faults.pathPattern).test(pathname);
	}

	decide(pathname = ''): FaultDecision {
		if (!this.applies(pathname)) return undefined;
		if (this.prng.chance(this.faults.resetRate ?? 0)) return 'reset';
		if (this.prng.chance(this.faults.errorRate ?? 0)) return 'error';
		return undefined;
	}

	malformed(pathname = ''): boolean {
		if (!this.applies(pathname)) return false;
		return this.prng.chance(this.faults.malformedRate ?? 0);
	}
}
