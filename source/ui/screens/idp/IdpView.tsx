import {Box} from 'ink';
import {Text} from '../../theme/Text.js';
import {useEffect} from 'react';
import {HEALTH_POLICY_FIELDS, validateHealthPolicy} from '../../../domain/healthPolicy.js';
import {describeHealthPolicy} from '../../../domain/healthPolicyTimeline.js';
import {LiveCountdown} from '../../components/LiveCountdown.js';
import {FieldGrid, FieldList, SectionTitle, type Field} from '../../components/FieldList.js';
import {StateTag} from '../../components/StateTag.js';
import {plainText} from '../../format/plainText.js';
import {useOag, useOagStore} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import {useRoute} from '../useRoute.js';
import {findIdp} from './item.js';
import {selectedDirectory, useDirectorySelection} from './selection.js';

// One IdP: its failover mode with the live countdown, the health policy with its timeline, and its
// directories (re-read when the screen opens). The keys (actions.ts) change them; the forms live next
// to this file.

export function IdpView({width, height}: {width: number; height: number}) {
	const store = useOagStore();
	const id = useRoute().params?.id;
	const entry = useOag(s => findIdp(s, id));
	const status = useOag(s => s.idps.status);
	const history = useOag(s => s.health.history);
	useDirectorySelection();
	useEffect(() => {
		// Directories on demand: loaded (or refreshed when stale) as the screen opens.
		void store.ensure('idps').then(() => (id ? store.ensureDirectories(id) : undefined));
		// The countdown follows the live health checks while the screen is open.
		return store.health.watch();
	}, [store, id]);

	if (!entry) {
		const text =
			status.state === 'error'
				? `[ERROR] ${status.error}`
				: status.state === 'ready'
					? `No IdP with id ${plainText(id)} on this gateway (deleted?). Esc goes back.`
					: 'Loading IdPs…';
		return <Tone token={status.state === 'error' ? 'status.error' : 'text.muted'}>{text}</Tone>;
	}

	const {idp, healthPolicy, directories} = entry;
	const problems = healthPolicy ? validateHealthPolicy(healthPolicy, 'client') : [];
	const fields: Field[] = [
		{label: 'id', value: plainText(idp.id)},
		{label: 'type', value: plainText(idp.type.replace(/^IDP_/, ''))},
		{label: 'domain', value: plainText(idp.domain) || '—'},
		{label: 'failover mode', value: <StateTag state={entry.failover} fallback="…" />},
		{label: 'now', value: <LiveCountdown policy={healthPolicy} failover={entry.failover} history={history} />},
	];
	const selected = selectedDirectory(idp.id, directories ?? []);
	const policy: Field[] = HEALTH_POLICY_FIELDS.map(field => ({
		label: field,
		value: healthPolicy ? String(healthPolicy[field]) : '…',
	}));
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Box>
				<Tone token="text.heading" bold wrap="truncate">{`IdP ${plainText(idp.name)}`}</Tone>
			</Box>
			{entry.error ? <Tone token="status.error" wrap="truncate">{`[ERROR] ${plainText(entry.error)}`}</Tone> : null}
			<FieldList fields={fields} />
			<SectionTitle>
				{'Health policy '}
				{healthPolicy ? problems.length === 0 ? <Tone token="status.ok">valid</Tone> : <Tone token="status.error">[INVALID]</Tone> : null}
			</SectionTitle>
			<FieldGrid fields={policy} perLine={width >= 80 ? 2 : 1} width={width} />
			{problems.map(p => (
				<Tone key={p.field} token="status.error" wrap="truncate">{`  ${p.field}: ${p.message}`}</Tone>
			))}
			{healthPolicy && problems.length === 0 ? <Tone token="text.muted" wrap="wrap">{`  It ${describeHealthPolicy(healthPolicy)}.`}</Tone> : null}
			<SectionTitle>{`Directories${directories ? ` (${directories.length})` : ''}`}</SectionTitle>
			{directories === undefined ? <Tone token="text.muted">not loaded</Tone> : null}
			{directories?.length === 0 ? <Tone token="status.warn">none: offline sign-in needs an LDAP/AD directory</Tone> : null}
			{directories?.map(d => (
				<Text key={d.id} wrap="truncate" inverse={directories.length > 1 && d.id === selected?.id}>
					{`${d.id === selected?.id ? '›' : ' '} ${plainText(d.connection.connectionUrl)}  ${plainText(d.type)}  ${plainText(d.connection.bindDn)}  ${plainText(d.id)}`}
				</Text>
			))}
		</Box>
	);
}
