import {
	HEALTH_CHECK_INTERVALS,
	HEALTH_POLICY_FIELDS,
	HEALTH_POLICY_RANGES,
	validateHealthPolicy,
	type HealthPolicyValues,
} from '../../../../domain/healthPolicy.js';
import {describeHealthPolicy, exactDuration, smallestValidCooldown} from '../../../../domain/healthPolicyTimeline.js';
import {textOf, type FieldSpec, type FormSpec, type FormValues} from '../../../components/form/fieldSpecs.js';

// The health-policy form on the form kit: all six fields, the interval as a choice of whole minutes,
// the documented ranges, and the rule `cooldown >= 2 x interval x threshold` checked as the admin types,
// with the smallest valid cooldown named in the message. The timeline line under the form comes from
// the same domain code as `idps health-policy`.

const range = (field: keyof HealthPolicyValues) => HEALTH_POLICY_RANGES[field];

const number = (name: keyof HealthPolicyValues, label: string, hint: string): FieldSpec => {
	const r = range(name);
	// The unconfirmed ranges are not documented: only "positive" is checked here, the gateway decides.
	return r.confirmed ? {kind: 'number', name, label, hint, min: r.min, max: r.max} : {kind: 'number', name, label, hint, min: 1, max: 100_000};
};

export const HEALTH_POLICY_FORM: FormSpec = {
	id: 'idp-health-policy',
	submitLabel: 'Save policy',
	fields: [
		{
			kind: 'choice',
			name: 'healthCheckInterval',
			label: 'Check every',
			hint: 'Whole minutes only (the gateway accepts 60, 120, 180, 240, 300 s).',
			options: HEALTH_CHECK_INTERVALS.map(s => ({value: String(s), label: exactDuration(s)})),
		},
		number('failureThreshold', 'Failures to failover', 'Consecutive failed checks that trigger failover (1-10).'),
		number('maxRetries', 'Retries per check', 'Retries of a failed check before it counts (0-5).'),
		number('timeout', 'Check timeout (s)', 'Seconds per check; the range is not documented, the gateway decides.'),
		number('successThreshold', 'Good checks to return', 'Consecutive good checks before the cooldown starts.'),
		number('recoveryCooldownInterval', 'Recovery cooldown (s)', 'Wait after the good checks, at least 2 × interval × failures (120-6000).'),
	],
	rules: values => {
		const policy = policyFromValues(values);
		if (!policy) return {};
		const out: Record<string, string | undefined> = {};
		for (const error of validateHealthPolicy(policy, 'client')) {
			if (error.field !== 'recoveryCooldownInterval' || out[error.field]) {
				out[error.field] ??= error.message;
				continue;
			}
			out[error.field] = cooldownMessage(policy, error.message);
		}
		return out;
	},
};

function cooldownMessage(policy: HealthPolicyValues, message: string): string {
	if (!message.startsWith('Must be at least')) return message;
	const least = smallestValidCooldown(policy);
	return least === undefined
		? `No cooldown fits: 2 × ${policy.healthCheckInterval} × ${policy.failureThreshold} is above 6000. Lower the interval or the failures.`
		: `At least ${least} s (2 × ${policy.healthCheckInterval} × ${policy.failureThreshold}): ${least} is the smallest valid cooldown.`;
}

/** The six numbers, once every field holds a whole number (else undefined: the fields show why). */
export function policyFromValues(values: FormValues): HealthPolicyValues | undefined {
	const out: Partial<HealthPolicyValues> = {};
	for (const field of HEALTH_POLICY_FIELDS) {
		const text = textOf(values, field).trim();
		if (!/^-?\d+$/.test(text)) return undefined;
		out[field] = Number(text);
	}
	return out as HealthPolicyValues;
}

export const valuesFromPolicy = (policy: HealthPolicyValues): Record<string, string> =>
	Object.fromEntries(HEALTH_POLICY_FIELDS.map(field => [field, String(policy[field])]));

/** The timeline line under the form: what these values mean, or why there is none yet. */
export function timelineLine(values: FormValues): string {
	const policy = policyFromValues(values);
	if (!policy) return 'Fill in every field to see the timeline.';
	if (validateHealthPolicy(policy, 'client').length > 0) return 'Fix the fields above to see the timeline.';
	return `It ${describeHealthPolicy(policy)}.`;
}
