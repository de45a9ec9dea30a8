import {isOagError} from '../api/errors.js';
import type {FieldError} from '../domain/fieldError.js';
import {describeError} from './resourceStatus.js';

// Write flow (design section 3): validate -> call -> re-fetch to verify -> report.
// The outcome always carries the values that were submitted, so a form can put them back untouched.

export type MutationSpec<V, R> = {
	/** What is being done, for the toast and the audit record, e.g. "failover of Okta -> AUTOMATIC". */
	label: string;
	values: V;
	validate?: (values: V) => FieldError[];
	call: (values: V) => Promise<R>;
	/** Re-fetch and compare; return a description of the mismatch, or undefined when the gateway agrees. */
	verify?: (result: R, values: V) => Promise<string | undefined>;
};

export type MutationOutcome<V, R = unknown> =
	| {ok: true; label: string; result: R; verified: boolean; message: string}
	| {
			ok: false;
			label: string;
			stage: 'read-only' | 'validation' | 'call' | 'verify';
			message: string;
			/** Field -> message, from the validators or the gateway's errorCauses. */
			fieldErrors: Record<string, string>;
			values: V;
	  };

export type MutationRecord = {label: string; ok: boolean; stage?: string; message: string; at: number};

export type MutationOptions = {readOnly: boolean; onRecord?: (record: MutationRecord) => void; now?: () => number};

const toFieldMap = (errors: FieldError[]): Record<string, string> =>
	Object.fromEntries(errors.map(e => [e.field, e.message]));

export async function runMutation<V, R>(spec: MutationSpec<V, R>, options: MutationOptions): Promise<MutationOutcome<V, R>> {
	const now = options.now ?? Date.now;
	const finish = (outcome: MutationOutcome<V, R>) => {
		options.onRecord?.({
			label: spec.label,
			ok: outcome.ok,
			stage: outcome.ok ? undefined : outcome.stage,
			message: outcome.message,
			at: now(),
		});
		return outcome;
	};
	const failure = (stage: 'read-only' | 'validation' | 'call' | 'verify', message: string, fieldErrors: Record<string, string> = {}) =>
		({ok: false, label: spec.label, stage, message, fieldErrors, values: spec.values}) as const;

	// Read-only refusals and validation failures never reached the gateway: nothing to record.
	if (options.readOnly) return failure('read-only', 'Read-only mode: no changes are sent to the gateway.');
	const problems = spec.validate?.(spec.values) ?? [];
	if (problems.length > 0) return failure('validation', `${problems.length} field(s) need attention.`, toFieldMap(problems));

	let result: R;
	try {
		result = await spec.call(spec.values);
	} catch (error) {
		const fields = isOagError(error) ? error.fieldErrors() : {};
		return finish(failure('call', `${spec.label}: ${describeError(error)}`, fields));
	}
	if (!spec.verify) return finish({ok: true, label: spec.label, result, verified: false, message: `${spec.label}: done`});
	try {
		const mismatch = await spec.verify(result, spec.values);
		if (mismatch) return finish(failure('verify', `${spec.label}: sent, but the gateway now reports ${mismatch}`));
	} catch (error) {
		return finish(failure('verify', `${spec.label}: sent, but re-reading it failed: ${describeError(error)}`));
	}
	return finish({ok: true, label: spec.label, result, verified: true, message: `${spec.label}: done and verified`});
}
