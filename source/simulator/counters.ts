import type {SimulatorCounters} from './types.js';

// Request accounting for tests and benchmarks: how many calls, per route, and peak concurrency
// (so a test can prove the client's concurrency cap holds).

export class Counters {
	private data: SimulatorCounters = Counters.empty();
	private inFlight = 0;

	private static empty(): SimulatorCounters {
		return {tokensMinted: 0, requests: 0, byRoute: {}, maxInFlight: 0};
	}

	begin(routeKey: string): void {
		this.data.requests++;
		this.data.byRoute[routeKey] = (this.data.byRoute[routeKey] ?? 0) + 1;
		this.inFlight++;
		this.data.maxInFlight = Math.max(this.data.maxInFlight, this.inFlight);
	}

	end(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
	}

	tokenMinted(): void {
		this.data.tokensMinted++;
	}

	snapshot(): SimulatorCounters {
		return {...this.data, byRoute: {...this.data.byRoute}};
	}

	reset(): void {
		this.data = Counters.empty();
		// Requests still in flight keep counting towards the new peak.
		this.data.maxInFlight = this.inFlight;
	}
}
