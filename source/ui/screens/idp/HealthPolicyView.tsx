import {Box} from 'ink';
import type {HealthPolicy} from '../../../api/schemas/idps.js';
import {useDraftStore} from '../../components/form/drafts.js';
import {Form} from '../../components/form/Form.js';
import {useForm} from '../../components/form/useForm.js';
import {plainText} from '../../format/plainText.js';
import {routeKey, type Route} from '../../navigation/routes.js';
import {useOag, useOagStore, useShell} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import {useRoute} from '../useRoute.js';
import {POLICY_FORM_ACTIONS} from './formActions.js';
import {HEALTH_POLICY_FORM, policyFromValues, timelineLine, valuesFromPolicy} from './forms/healthPolicyForm.js';
import {findIdp} from './item.js';

// The health-policy form of one IdP: the six fields with the rule checked as the admin types, and the
// timeline line below them following the values. Saving goes through the store's operations runner.

export function HealthPolicyView({width, height}: {width: number; height: number}) {
	const route = useRoute();
	const entry = useOag(s => findIdp(s, route.params?.id));
	// The form starts from the gateway's policy, so it mounts once that is known.
	if (!entry?.healthPolicy) return <Tone token="text.muted">Loading the health policy…</Tone>;
	return <PolicyForm route={route} idpId={entry.idp.id} idpName={entry.idp.name} policy={entry.healthPolicy} width={width} height={height} />;
}

type PolicyFormProps = {route: Route; idpId: string; idpName: string; policy: HealthPolicy; width: number; height: number};

function PolicyForm({route, idpId, idpName, policy, width, height}: PolicyFormProps) {
	const store = useOagStore();
	const {nav} = useShell();
	const drafts = useDraftStore();
	const {state, errorOf} = useForm({
		spec: HEALTH_POLICY_FORM,
		screen: 'idpPolicy',
		actions: POLICY_FORM_ACTIONS,
		draft: {store: drafts, key: routeKey(route)},
		initial: valuesFromPolicy(policy),
		submit: async values => {
			const wanted = policyFromValues(values);
			if (!wanted) return {ok: false, message: 'Some fields need attention.'};
			const outcome = await store.idpOffline.setHealthPolicy(idpId, wanted);
			return outcome.ok ? {ok: true, message: outcome.message} : {ok: false, message: outcome.message, fieldErrors: outcome.fieldErrors};
		},
		onSubmitted: () => nav.back(),
	});
	return (
		<Box flexDirection="column" width={width}>
			<Tone token="text.heading" bold wrap="truncate">{`Health policy of ${plainText(idpName)}`}</Tone>
			<Form spec={HEALTH_POLICY_FORM} state={state} errorOf={errorOf} width={width} height={height - 3} />
			<Tone token="text.muted" wrap="wrap">{timelineLine(state.values)}</Tone>
		</Box>
	);
}
