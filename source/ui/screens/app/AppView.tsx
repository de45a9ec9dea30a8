import {Box} from 'ink';
import {useEffect} from 'react';
import {appPolicySummary} from '../../../domain/readiness.js';
import {FieldList, type Field} from '../../components/FieldList.js';
import {StateTag} from '../../components/StateTag.js';
import {plainText} from '../../format/plainText.js';
import {useOag, useOagStore} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import {useRoute} from '../useRoute.js';
import {appName, findApp} from './item.js';

// One app: what the store knows of it. Its keys (actions.ts) change the offline state and open the
// policy form (policy/); its own policy is read first, so the era and the form's starting value are known.

export function AppView({width, height}: {width: number; height: number}) {
	const store = useOagStore();
	const id = useRoute().params?.id;
	const entry = useOag(s => findApp(s, id));
	const status = useOag(s => s.apps.status);
	const policyEra = useOag(s => s.policyEra);
	const idpName = useOag(s => (entry?.app.idpId ? s.idps.items.find(e => e.idp.id === entry.app.idpId)?.idp.name : undefined));
	// The name of the assigned access policy, once its IdP's policies were loaded (by the policy form).
	const policyName = useOag(s =>
		entry?.app.idpId && entry.accessPolicyId ? s.accessPolicies[entry.app.idpId]?.items?.find(p => p.id === entry.accessPolicyId)?.name : undefined,
	);
	const known = entry !== undefined;
	useEffect(() => {
		void store.ensure('apps');
		if (known && id !== undefined) void store.apps.ensurePolicy(id);
	}, [store, id, known]);

	if (!entry) {
		const text =
			status.state === 'error'
				? `[ERROR] ${status.error}`
				: status.state === 'ready'
					? `No app with id ${plainText(id)} on this gateway (deleted?). Esc goes back.`
					: 'Loading apps…';
		return <Tone token={status.state === 'error' ? 'status.error' : 'text.muted'}>{text}</Tone>;
	}

	const {app} = entry;
	const policy: Field =
		policyEra === 'group-policy' || (policyEra === undefined && (entry.groups?.length ?? 0) > 0)
			? {label: 'group policy', value: entry.groups === undefined ? '…' : entry.groups.map(plainText).join(', ') || 'none'}
			: {
					label: 'access policy',
					value:
						entry.accessPolicyId === undefined
							? '…'
							: policyName !== undefined
								? `${plainText(policyName)} (${plainText(entry.accessPolicyId ?? undefined)})`
								: plainText(entry.accessPolicyId ?? undefined) || 'none',
				};
	const fields: Field[] = [
		{label: 'id', value: plainText(app.id)},
		{label: 'name', value: plainText(app.name)},
		{label: 'label', value: plainText(app.label) || '—'},
		{label: 'type', value: plainText(app.type) || '—'},
		{label: 'public domain', value: plainText(app.publicDomain) || '—'},
		{label: 'IdP', value: plainText(idpName ?? app.idpId) || '—'},
		{label: 'offline state', value: <StateTag state={entry.state} fallback="…" />},
		policy,
		{label: 'offline sign-in with', value: plainText(appPolicySummary(entry, policyEra)) || 'no policy'},
	];
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Tone token="text.heading" bold wrap="truncate">{`App ${plainText(appName(entry))}`}</Tone>
			{entry.error ? <Tone token="status.error" wrap="truncate">{`[ERROR] ${plainText(entry.error)}`}</Tone> : null}
			<FieldList fields={fields} />
		</Box>
	);
}
