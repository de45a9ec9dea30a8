import {Box, Text} from 'ink';
import {useEffect} from 'react';
import {HEALTH_POLICY_FIELDS, validateHealthPolicy} from '../../../domain/healthPolicy.js';
import {FieldGrid, FieldList, SectionTitle, type Field} from '../../components/FieldList.js';
import {StateTag} from '../../components/StateTag.js';
import {plainText} from '../../format/plainText.js';
import {useOag, useOagStore} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import {useRoute} from '../useRoute.js';
import {findIdp} from './item.js';

// One IdP, read-only: what the store knows of it. The forms (failover, health policy, directories)
// come with the IdP issue and will live next to this file.

export function IdpView({width, height}: {width: number; height: number}) {
	const store = useOagStore();
	const id = useRoute().params?.id;
	const entry = useOag(s => findIdp(s, id));
	const status = useOag(s => s.idps.status);
	useEffect(() => {
		void store.ensure('idps').then(() => (id ? store.ensureDirectories(id) : undefined));
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
	];
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
			<SectionTitle>{`Directories${directories ? ` (${directories.length})` : ''}`}</SectionTitle>
			{directories === undefined ? <Tone token="text.muted">not loaded</Tone> : null}
			{directories?.length === 0 ? <Tone token="status.warn">none: offline sign-in needs an LDAP/AD directory</Tone> : null}
			{directories?.map(d => (
				<Text key={d.id} wrap="truncate">
					{`  ${plainText(d.id)}  ${plainText(d.type)}  ${plainText(d.connection.connectionUrl)}`}
				</Text>
			))}
		</Box>
	);
}
