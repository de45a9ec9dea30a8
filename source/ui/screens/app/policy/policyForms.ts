import type {AccessPolicy} from '../../../../api/schemas/accessPolicies.js';
import * as v from '../../../../domain/validators.js';
import {itemsOf, textOf, type FormSpec, type FormValues, type PickerItem} from '../../../components/form/fieldSpecs.js';

// Who may sign in to an app offline, on the form kit: before the cut-over a list of group names (the
// legacy group policy, `Everyone` for all users); from it on one access policy of the app's IdP, picked
// from those the gateway has. The same operations as `apps groups` and `apps access-policy`.

export const GROUPS_FORM: FormSpec = {
	id: 'app-groups',
	submitLabel: 'Save groups',
	fields: [
		{
			kind: 'list',
			name: 'groups',
			label: 'Offline groups',
			hint: 'A group name, Enter adds it (Everyone = all users); ←/→ and Backspace on an empty line remove one. No group: nobody.',
			checkItem: v.required,
		},
	],
};

export const ACCESS_POLICY_FORM: FormSpec = {
	id: 'app-access-policy',
	submitLabel: 'Assign policy',
	fields: [
		{
			kind: 'picker',
			name: 'accessPolicyId',
			label: 'Access policy',
			hint: "←/→, Space, or the first letter of a policy's name picks one of the IdP's offline access policies.",
			emptyText: 'none on this IdP yet: see `apps access-policy --create`',
			check: value => (value === '' ? 'Pick a policy (←/→).' : undefined),
		},
	],
};

export const groupsOf = (values: FormValues): string[] => itemsOf(values, 'groups').map(group => group.trim());

export const policyIdOf = (values: FormValues): string => textOf(values, 'accessPolicyId');

/** The groups the policy's one rule admits, as the gateway returned them (unknown shapes give none). */
function ruleGroups(policy: AccessPolicy): string[] {
	const include = (policy.rules[0]?.conditions as {groups?: {include?: unknown}} | undefined)?.groups?.include;
	return Array.isArray(include) ? include.map(group => String((group as {name?: unknown})?.name ?? '?')) : [];
}

export const policyItems = (policies: readonly AccessPolicy[]): PickerItem[] =>
	policies.map(policy => {
		const groups = ruleGroups(policy);
		return {id: policy.id, label: `${policy.name}${policy.isDefault ? ' (default)' : ''}${groups.length > 0 ? `: ${groups.join(', ')}` : ''}`};
	});

/** A cause on one group (`groups.1.name`) belongs on the list: the kit places causes by field name. */
export const onFields = (fieldErrors: Readonly<Record<string, string>>): Record<string, string> =>
	Object.fromEntries(
		Object.entries(fieldErrors).map(([field, message]) => {
			const item = /^groups\.(\d+)/.exec(field);
			return item ? ['groups', `group ${Number(item[1]) + 1}: ${message}`] : [field, message];
		}),
	);
