import {Box} from 'ink';
import {useEffect} from 'react';
import {plainText} from '../../../format/plainText.js';
import {useOag, useOagStore} from '../../../shell/ShellContext.js';
import {Tone} from '../../../theme/ThemeContext.js';
import {useRoute} from '../../useRoute.js';
import {appName, findApp} from '../item.js';
import {AccessPolicyForm, GroupsForm} from './AppPolicyForms.js';
import {policyReadFailure} from './policyRead.js';

// Who may sign in to one app offline, in the form the gateway's policy era needs. A form starts from
// what the gateway holds, so it mounts once the app's policy (and, from the cut-over on, its IdP's access
// policies) is in the store; the loads go through the store, never from here to the API. A read that failed
// is shown (sanitised) with the key that reads again, instead of "reading…" for ever.

export function AppPolicyView({width, height}: {width: number; height: number}) {
	const store = useOagStore();
	const route = useRoute();
	const id = route.params?.id;
	const entry = useOag(s => findApp(s, id));
	const era = useOag(s => s.policyEra);
	const idpId = entry?.app.idpId;
	const policies = useOag(s => (idpId === undefined ? undefined : s.accessPolicies[idpId]));
	const failure = useOag(s => policyReadFailure(s, id));
	const known = entry !== undefined;
	useEffect(() => {
		void store.ensure('apps');
		if (known && id !== undefined) void store.apps.ensurePolicy(id);
	}, [store, id, known]);
	useEffect(() => {
		if (era === 'access-policy' && idpId !== undefined) void store.accessPolicies.ensure(idpId);
	}, [store, era, idpId]);

	const muted = (text: string) => <Tone token="text.muted">{text}</Tone>;
	if (!entry) return muted('Loading the app…');
	if (failure !== undefined) {
		return (
			<Box flexDirection="column" width={width}>
				<Tone token="status.error" wrap="wrap">{`[ERROR] ${plainText(failure)}`}</Tone>
				{muted('r reads it again; Esc goes back.')}
			</Box>
		);
	}
	const common = {route, appId: entry.app.id, appName: appName(entry), width, height};
	if (era === 'group-policy') {
		return entry.groups === undefined ? muted("Reading the app's group policy…") : <GroupsForm {...common} groups={entry.groups} />;
	}
	if (era === 'access-policy') {
		if (idpId === undefined) return <Tone token="status.error">This app has no IdP: an access policy belongs to an IdP.</Tone>;
		if (policies?.items === undefined) return muted("Loading the IdP's access policies…");
		if (entry.accessPolicyId === undefined) return muted("Reading the app's access policy…");
		return <AccessPolicyForm {...common} current={entry.accessPolicyId} policies={policies.items} />;
	}
	return muted("Reading the app's offline policy (it tells which kind this gateway takes)…");
}
