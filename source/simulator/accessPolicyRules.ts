import type {AccessPolicy} from '../api/schemas/accessPolicies.js';
import {fieldError, type FieldError} from '../domain/fieldError.js';
import {policyEraOf} from '../domain/gatewayVersion.js';
import type {GatewayState, IdpRecord} from './state.js';
import {valueAt} from './validation.js';

// The access-policy rules of SC-GUIDE (oag-api.md 4.10): one rule, one chain, allow only, and one of
// four authentication-method combinations. Also the default policy that failover AUTOMATIC creates.

export const DEFAULT_POLICY_NAME = 'Default offline policy';

const ALLOWED_CHAINS = ['password', 'smart_card', 'password>smart_card', 'password|smart_card'];

/** A chain as text: steps joined by '>', the keys within a step (sorted) by '|'. */
const chainText = (steps: unknown[]): string =>
	steps
		.map(step => (Array.isArray(step) ? step.map(m => String(valueAt(m, 'key'))).sort().join('|') : '?'))
		.join('>');

export function accessPolicyProblems(raw: unknown): FieldError[] {
	const problems: FieldError[] = [];
	const name = valueAt(raw, 'name');
	if (typeof name === 'string' && name.trim() === '') problems.push(fieldError('name', 'Required.'));
	const rules = valueAt(raw, 'rules');
	if (!Array.isArray(rules)) return problems;
	if (rules.length !== 1) return [...problems, fieldError('rules', 'Exactly one rule is supported.')];
	const include = valueAt(rules[0], 'conditions.groups.include');
	if (Array.isArray(include) && include.length === 0) {
		problems.push(fieldError('rules.0.conditions.groups.include', 'Give at least one group.'));
	}
	const chains = valueAt(rules[0], 'actions.chains');
	if (Array.isArray(chains)) {
		if (chains.length !== 1) {
			problems.push(fieldError('rules.0.actions.chains', 'Exactly one chain is supported.'));
		} else {
			const steps = valueAt(chains[0], 'authenticationMethods');
			if (Array.isArray(steps) && !ALLOWED_CHAINS.includes(chainText(steps))) {
				problems.push(
					fieldError(
						'rules.0.actions.chains.0.authenticationMethods',
						'Use [[password]], [[smart_card]], [[password],[smart_card]] or [[password, smart_card]].',
					),
				);
			}
		}
	}
	return problems;
}

export function defaultAccessPolicy(id: string): AccessPolicy {
	return {
		id,
		name: DEFAULT_POLICY_NAME,
		isDefault: true,
		rules: [
			{
				name: 'Everyone with a password',
				conditions: {groups: {include: [{name: 'Everyone'}]}},
				actions: {access: 'allow', chains: [{authenticationMethods: [[{key: 'password'}]]}]},
			},
		],
	};
}

export const isAccessPolicyEra = (state: GatewayState): boolean =>
	policyEraOf(state.gatewayVersion, state.groupPolicyCutover) === 'access-policy';

/** Failover AUTOMATIC on a new gateway creates the IdP's default policy once. */
export function ensureDefaultPolicy(state: GatewayState, record: IdpRecord, newId: () => string): void {
	if (!isAccessPolicyEra(state)) return;
	if ([...record.accessPolicies.values()].some(p => p.isDefault)) return;
	const policy = defaultAccessPolicy(newId());
	record.accessPolicies.set(policy.id, policy);
}
