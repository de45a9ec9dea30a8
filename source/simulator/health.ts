import type {HealthCheck} from '../api/schemas/authService.js';
import type {AuthServiceRecord} from './state.js';

// The authentication service's health as the gateway reports it. The simulated service checks
// continuously, so lastChecked moves forward on every read; an IdP outage (scheduled or switched on by
// control.setOutage) turns it UNHEALTHY until it is switched off.

export class HealthMonitor {
	private manualOutage: boolean | undefined;
	private outageSinceMs: number | undefined;
	private lastCheckedMs = 0;

	constructor(
		private readonly startedAtMs: number,
		private readonly outageAfterSeconds: number | undefined,
		private readonly startupSeconds: number,
	) {}

	setOutage(on: boolean, nowMs: number): void {
		this.manualOutage = on;
		this.outageSinceMs = on ? nowMs : undefined;
	}

	outageSince(nowMs: number): number | undefined {
		if (this.manualOutage !== undefined) return this.manualOutage ? this.outageSinceMs : undefined;
		if (this.outageAfterSeconds === undefined) return undefined;
		const start = this.startedAtMs + this.outageAfterSeconds * 1000;
		return nowMs >= start ? start : undefined;
	}

	check(service: AuthServiceRecord, nowMs: number): HealthCheck {
		this.lastCheckedMs = Math.max(nowMs, this.lastCheckedMs + 1);
		const lastChecked = new Date(this.lastCheckedMs).toISOString();
		if (nowMs - service.enabledAtMs < this.startupSeconds * 1000) {
			return {status: 'INITIALIZING', lastChecked, details: 'The authentication service is starting.'};
		}
		const since = this.outageSince(nowMs);
		if (since !== undefined) {
			return {
				status: 'UNHEALTHY',
				lastChecked,
				details: `Okta IdP unreachable since ${new Date(since).toISOString()}; offline mode is serving sign-ins.`,
			};
		}
		return {status: 'HEALTHY', lastChecked};
	}
}
