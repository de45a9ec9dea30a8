import {Box} from 'ink';
import type {AccessPolicy} from '../../../../api/schemas/accessPolicies.js';
import type {OperationOutcome} from '../../../../operations/types.js';
import {useDraftStore} from '../../../components/form/drafts.js';
import {Form} from '../../../components/form/Form.js';
import type {FormOutcome} from '../../../components/form/formState.js';
import {useForm} from '../../../components/form/useForm.js';
import {plainText} from '../../../format/plainText.js';
import {routeKey, type Route} from '../../../navigation/routes.js';
import {useOagStore, useShell} from '../../../shell/ShellContext.js';
import {Tone} from '../../../theme/ThemeContext.js';
import {APP_POLICY_FORM_ACTIONS} from './formActions.js';
import {ACCESS_POLICY_FORM, GROUPS_FORM, groupsOf, onFields, policyIdOf, policyItems} from './policyForms.js';

// The two forms of "who may sign in offline", one per policy era. Both start from what the gateway holds,
// keep their draft per route, and put the gateway's causes on the field; saving goes back to the app.

type Common = {route: Route; appId: string; appName: string; width: number; height: number};

const asForm = (outcome: OperationOutcome<unknown>): FormOutcome =>
	outcome.ok ? {ok: true, message: outcome.message} : {ok: false, message: outcome.message, fieldErrors: onFields(outcome.fieldErrors)};

export function GroupsForm({route, appId, appName, groups, width, height}: Common & {groups: readonly string[]}) {
	const store = useOagStore();
	const {nav} = useShell();
	const drafts = useDraftStore();
	const {state, errorOf} = useForm({
		spec: GROUPS_FORM,
		screen: 'appPolicy',
		actions: APP_POLICY_FORM_ACTIONS,
		draft: {store: drafts, key: routeKey(route)},
		initial: {groups},
		submit: async values => asForm(await store.appPolicy.setGroups(appId, groupsOf(values))),
		onSubmitted: () => nav.back(),
	});
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Tone token="text.heading" bold wrap="truncate">{`Who may sign in to ${plainText(appName)} offline: group names`}</Tone>
			<Form spec={GROUPS_FORM} state={state} errorOf={errorOf} width={width} height={height - 1} />
		</Box>
	);
}

type AccessProps = Common & {current: string | null; policies: readonly AccessPolicy[]};

export function AccessPolicyForm({route, appId, appName, current, policies, width, height}: AccessProps) {
	const store = useOagStore();
	const {nav} = useShell();
	const drafts = useDraftStore();
	const pickerItems = {accessPolicyId: policyItems(policies)};
	const {state, errorOf} = useForm({
		spec: ACCESS_POLICY_FORM,
		screen: 'appPolicy',
		actions: APP_POLICY_FORM_ACTIONS,
		draft: {store: drafts, key: routeKey(route)},
		initial: {accessPolicyId: current ?? ''},
		pickerItems,
		submit: async values => {
			const id = policyIdOf(values);
			const name = policies.find(policy => policy.id === id)?.name;
			return asForm(await store.appPolicy.setAccessPolicy(appId, {id, ...(name === undefined ? {} : {name})}));
		},
		onSubmitted: () => nav.back(),
	});
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Tone token="text.heading" bold wrap="truncate">{`Who may sign in to ${plainText(appName)} offline: access policy`}</Tone>
			<Form spec={ACCESS_POLICY_FORM} state={state} errorOf={errorOf} pickerItems={pickerItems} width={width} height={height - 1} />
		</Box>
	);
}
