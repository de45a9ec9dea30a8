import {HEALTH_POLICY_RANGES, minimumCooldown, type HealthPolicyValues} from './healthPolicy.js';

// The health policy in plain language and in time (issue: "the timeline, live"). Two views:
// - describeHealthPolicy: what the six numbers mean, for the form and `idps health-policy`.
// - liveTimeline: where an IdP stands now, from the policy and the checks we observed. The gateway's own
//   check times are not visible to us, so our observations stand in for them and every figure is "about".

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** An exact length for a policy field: "60 s", "6 min", "6 min 30 s". */
export function exactDuration(seconds: number): string {
	if (seconds < 120) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** A rounded length for an estimate: "10 s", "60 s", "2 min", "4 min", "1 h 40 min". */
export function aboutDuration(seconds: number): string {
	const s = Math.max(0, Math.round(seconds));
	// Up to 100 s in tens of seconds (a countdown near failover needs them); beyond, whole minutes.
	if (s <= 100) return `${Math.max(10, Math.ceil(s / 10) * 10)} s`;
	const minutes = Math.round(s / 60);
	if (minutes < 120) return `${minutes} min`;
	const rest = minutes % 60;
	return `${Math.floor(minutes / 60)} h${rest === 0 ? '' : ` ${rest} min`}`;
}

/** Seconds from the first failed check to failover: the remaining threshold checks, one interval apart. */
export const failoverAfterFirstFailure = (p: Pick<HealthPolicyValues, 'healthCheckInterval' | 'failureThreshold'>): number =>
	(p.failureThreshold - 1) * p.healthCheckInterval;

/** Seconds from the first good check to being back online: the remaining good checks, then the cooldown. */
export const onlineAfterFirstSuccess = (
	p: Pick<HealthPolicyValues, 'healthCheckInterval' | 'successThreshold' | 'recoveryCooldownInterval'>,
): number => (p.successThreshold - 1) * p.healthCheckInterval + p.recoveryCooldownInterval;

/**
 * "checks every 60 s with a 3 s timeout; after 3 failed checks (about 3 min) it fails over; after 2 good
 * checks and a 6 min cooldown it returns". The detection time is the worst case: Okta goes down just after
 * a check passed, so it takes `failureThreshold` whole intervals.
 */
export function describeHealthPolicy(p: HealthPolicyValues): string {
	const detection = p.healthCheckInterval * p.failureThreshold;
	return (
		`checks every ${exactDuration(p.healthCheckInterval)} with a ${exactDuration(p.timeout)} timeout; ` +
		`after ${plural(p.failureThreshold, 'failed check')} (about ${aboutDuration(detection)}) it fails over; ` +
		`after ${plural(p.successThreshold, 'good check')} and a ${exactDuration(p.recoveryCooldownInterval)} cooldown it returns`
	);
}

/**
 * The least cooldown the gateway accepts for this interval and threshold (the rule, and the range's
 * minimum), or undefined when none exists: 2 x interval x threshold above the range's maximum.
 */
export function smallestValidCooldown(p: Pick<HealthPolicyValues, 'healthCheckInterval' | 'failureThreshold'>): number | undefined {
	const range = HEALTH_POLICY_RANGES.recoveryCooldownInterval;
	const least = Math.max(range.min, minimumCooldown(p));
	return least <= range.max ? least : undefined;
}

/** One check we observed: when, and whether the IdP answered. */
export type ObservedCheck = {at: number; ok: boolean};

export type LiveTimeline =
	| {phase: 'unknown'}
	| {phase: 'online'; failoverDisabled: boolean}
	| {phase: 'failing'; failedChecks: number; failureThreshold: number; failoverInSeconds: number; failoverDisabled: boolean}
	| {phase: 'offline'; offlineForSeconds: number}
	| {phase: 'recovering'; goodChecks: number; successThreshold: number; backOnlineInSeconds: number};

export type LiveTimelineInput = {
	policy: HealthPolicyValues;
	/** Oldest first (out-of-order entries are sorted). */
	checks: readonly ObservedCheck[];
	now: number;
	/** With failover DISABLED the IdP never fails over: failures only count up. */
	failoverDisabled?: boolean;
};

type Machine = {online: boolean; failStart?: number; failoverAt?: number; okStart?: number};

/**
 * Replays the observations through the gateway's rule: `failureThreshold` failures in a row fail over;
 * once offline, `successThreshold` good checks in a row and the cooldown bring it back; a failure while
 * recovering starts the recovery over. A state is assumed to last from one observation to the next.
 */
export function liveTimeline(input: LiveTimelineInput): LiveTimeline {
	const {policy, now} = input;
	const disabled = input.failoverDisabled === true;
	const intervalMs = policy.healthCheckInterval * 1000;
	const m: Machine = {online: true};
	const advance = (t: number): void => {
		if (m.online && m.failStart !== undefined && !disabled && t >= m.failStart + failoverAfterFirstFailure(policy) * 1000) {
			m.online = false;
			m.failoverAt = m.failStart + failoverAfterFirstFailure(policy) * 1000;
			m.failStart = undefined;
		}
		if (!m.online && m.okStart !== undefined && t >= m.okStart + onlineAfterFirstSuccess(policy) * 1000) {
			Object.assign(m, {online: true, okStart: undefined, failoverAt: undefined});
		}
	};
	const checks = [...input.checks].sort((a, b) => a.at - b.at).filter(c => c.at <= now);
	if (checks.length === 0) return {phase: 'unknown'};
	for (const check of checks) {
		// Up to just before this check: what it saw decides its own moment.
		advance(check.at - 1);
		if (m.online) m.failStart = check.ok ? undefined : (m.failStart ?? check.at);
		else m.okStart = check.ok ? (m.okStart ?? check.at) : undefined;
		advance(check.at);
	}
	advance(now);
	if (m.online) {
		if (m.failStart === undefined) return {phase: 'online', failoverDisabled: disabled};
		const elapsed = now - m.failStart;
		const counted = 1 + Math.floor(elapsed / intervalMs);
		return {
			phase: 'failing',
			failedChecks: disabled ? counted : Math.min(policy.failureThreshold, counted),
			failureThreshold: policy.failureThreshold,
			failoverInSeconds: disabled ? 0 : Math.max(0, (m.failStart + failoverAfterFirstFailure(policy) * 1000 - now) / 1000),
			failoverDisabled: disabled,
		};
	}
	if (m.okStart === undefined) return {phase: 'offline', offlineForSeconds: (now - (m.failoverAt ?? now)) / 1000};
	return {
		phase: 'recovering',
		goodChecks: Math.min(policy.successThreshold, 1 + Math.floor((now - m.okStart) / intervalMs)),
		successThreshold: policy.successThreshold,
		backOnlineInSeconds: Math.max(0, (m.okStart + onlineAfterFirstSuccess(policy) * 1000 - now) / 1000),
	};
}

/** The countdown as one line: "2 of 3 checks failed: failover in about 60 s". */
export function liveTimelineText(t: LiveTimeline, policy: HealthPolicyValues): string {
	switch (t.phase) {
		case 'unknown':
			return 'no checks observed yet';
		case 'online':
			return t.failoverDisabled
				? 'online; failover is DISABLED'
				: `online; fails over about ${aboutDuration(policy.healthCheckInterval * policy.failureThreshold)} after Okta stops answering`;
		case 'failing':
			return t.failoverDisabled
				? `${plural(t.failedChecks, 'check')} failed; failover is DISABLED: no offline sign-in`
				: `${t.failedChecks} of ${t.failureThreshold} checks failed: failover in about ${aboutDuration(t.failoverInSeconds)}`;
		case 'offline':
			return `offline mode for about ${aboutDuration(t.offlineForSeconds)}: back after ${plural(policy.successThreshold, 'good check')} and a ${exactDuration(policy.recoveryCooldownInterval)} cooldown`;
		case 'recovering':
			return `recovering: back online in about ${aboutDuration(t.backOnlineInSeconds)}`;
	}
}

/** Statuses that say something about the IdP: the rest (our request failed, service starting) say nothing. */
const IDP_UP = new Set(['HEALTHY']);
const IDP_DOWN = new Set(['UNHEALTHY', 'DEGRADED']);

/**
 * The health samples the store keeps (`{at, status}`, oldest first) as observed checks. A sample whose
 * request failed (ERROR), or taken while the service is disabled, starting or unsure, is left out: it is
 * evidence about our connection, not about the IdP.
 */
export function observedChecks(samples: readonly {at: number; status: string}[]): ObservedCheck[] {
	return samples.flatMap((s): ObservedCheck[] =>
		IDP_UP.has(s.status) ? [{at: s.at, ok: true}] : IDP_DOWN.has(s.status) ? [{at: s.at, ok: false}] : [],
	);
}
