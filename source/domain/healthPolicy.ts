import {fieldError, type FieldError} from './fieldError.js';

// The IdP health policy (oag-api.md 4.6 and part A). Ranges marked confirmed are enforced by the client
// inline; successThreshold and timeout ranges are our decision for the simulator only, so the client checks
// just "positive integer" for them and shows the gateway's verdict.

export type HealthPolicyValues = {
	failureThreshold: number;
	healthCheckInterval: number;
	maxRetries: number;
	recoveryCooldownInterval: number;
	successThreshold: number;
	timeout: number;
};
export type HealthPolicyField = keyof HealthPolicyValues;

export const HEALTH_POLICY_FIELDS: readonly HealthPolicyField[] = [
	'healthCheckInterval',
	'failureThreshold',
	'maxRetries',
	'timeout',
	'successThreshold',
	'recoveryCooldownInterval',
];

export const HEALTH_CHECK_INTERVALS = [60, 120, 180, 240, 300] as const;

type Range = {min: number; max: number; confirmed: boolean};
export const HEALTH_POLICY_RANGES: Record<HealthPolicyField, Range> = {
	failureThreshold: {min: 1, max: 10, confirmed: true},
	healthCheckInterval: {min: 60, max: 300, confirmed: true},
	maxRetries: {min: 0, max: 5, confirmed: true},
	recoveryCooldownInterval: {min: 120, max: 6000, confirmed: true},
	successThreshold: {min: 1, max: 10, confirmed: false},
	timeout: {min: 1, max: 60, confirmed: false},
};

export const HEALTH_POLICY_DEFAULTS: HealthPolicyValues = {
	failureThreshold: 3,
	healthCheckInterval: 60,
	maxRetries: 3,
	recoveryCooldownInterval: 360,
	successThreshold: 2,
	timeout: 3,
};

/** The least cooldown the gateway accepts: twice the failure-detection time. */
export const minimumCooldown = (p: Pick<HealthPolicyValues, 'healthCheckInterval' | 'failureThreshold'>): number =>
	2 * p.healthCheckInterval * p.failureThreshold;

export type HealthPolicyStrictness = 'client' | 'gateway';

/**
 * Every problem with a policy, one per field (the first that applies), then the cross-field rule on
 * recoveryCooldownInterval. 'client' skips the unconfirmed ranges; 'gateway' enforces them all.
 */
export function validateHealthPolicy(p: HealthPolicyValues, strictness: HealthPolicyStrictness): FieldError[] {
	const errors: FieldError[] = [];
	for (const field of HEALTH_POLICY_FIELDS) {
		const value = p[field];
		const range = HEALTH_POLICY_RANGES[field];
		if (typeof value !== 'number' || !Number.isInteger(value)) {
			errors.push(fieldError(field, 'Must be a whole number.'));
			continue;
		}
		if (!range.confirmed && strictness === 'client') {
			if (value < 1) errors.push(fieldError(field, 'Must be a positive whole number.'));
			continue;
		}
		if (field === 'healthCheckInterval' && !(HEALTH_CHECK_INTERVALS as readonly number[]).includes(value)) {
			errors.push(fieldError(field, `Must be one of ${HEALTH_CHECK_INTERVALS.join(', ')} seconds.`));
			continue;
		}
		if (value < range.min || value > range.max) {
			errors.push(fieldError(field, `Must be from ${range.min} to ${range.max}.`));
		}
	}
	const invalid = new Set(errors.map(e => e.field));
	if (!invalid.has('healthCheckInterval') && !invalid.has('failureThreshold') && !invalid.has('recoveryCooldownInterval')) {
		const least = minimumCooldown(p);
		if (p.recoveryCooldownInterval < least) {
			errors.push(
				fieldError(
					'recoveryCooldownInterval',
					`Must be at least 2 × healthCheckInterval × failureThreshold = ${least} seconds.`,
				),
			);
		}
	}
	return errors;
}

export type HealthPolicyTimeline = {
	/** Seconds from the IdP going down until failover, at worst (a check just passed). */
	detectionSeconds: number;
	/** Seconds from the IdP coming back until users are sent to Okta again, at least. */
	recoverySeconds: number;
	minimumCooldown: number;
};

/** What a policy means in time, for the form's explanation line. */
export function healthPolicyTimeline(p: HealthPolicyValues): HealthPolicyTimeline {
	return {
		detectionSeconds: p.healthCheckInterval * p.failureThreshold,
		recoverySeconds: p.healthCheckInterval * p.successThreshold + p.recoveryCooldownInterval,
		minimumCooldown: minimumCooldown(p),
	};
}
