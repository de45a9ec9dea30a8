import {Box, Text} from 'ink';
import {useEffect, useMemo} from 'react';
import {ColumnHeader, ColumnRow, type Column} from '../../components/Columns.js';
import {ListView} from '../../components/ListView.js';
import {StateTag} from '../../components/StateTag.js';
import {useNav, useOag, useOagStore} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import {idpRows} from './rows.js';

export function IdpsView({width, height}: {width: number; height: number}) {
	const store = useOagStore();
	const idps = useOag(s => s.idps);
	const filter = useNav(s => s.filters.idps ?? '');
	const cursor = useNav(s => s.cursors.idps ?? 0);
	const rows = useMemo(() => idpRows({idps}, filter), [idps, filter]);
	useEffect(() => {
		void store.ensure('idps');
		void store.ensureDirectories(); // per IdP, once the list is in
		return store.idpModes.watch();
	}, [store]);
	const columns: Column[] = [
		{title: 'NAME', width: Math.max(16, Math.floor(width * 0.3))},
		{title: 'TYPE', width: 12},
		{title: 'FAILOVER', width: 14},
		{title: 'DIRECTORIES', width: 13},
		{title: 'HEALTH POLICY'},
	];
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ColumnHeader columns={columns} />
			{idps.status.state === 'error' ? <Tone token="status.error">{`[ERROR] ${idps.status.error}`}</Tone> : null}
			<ListView
				rows={rows}
				cursor={cursor}
				height={height - 1 - (idps.status.state === 'error' ? 1 : 0)}
				filter={filter}
				total={idps.items.length}
				empty={idps.status.state === 'loading' || idps.status.state === 'idle' ? 'Loading IdPs…' : 'No IdPs on this gateway.'}
				rowKey={row => row.id}
				renderRow={row => (
					<ColumnRow columns={columns}>
						<Text wrap="truncate">{row.idp.name}</Text>
						<Text wrap="truncate">{row.idp.type.replace(/^IDP_/, '')}</Text>
						<StateTag state={row.failover} />
						<Text>{row.directories === undefined ? '?' : String(row.directories.length)}</Text>
						<Text>{row.policyOk === undefined ? '?' : row.policyOk ? 'valid' : '[INVALID]'}</Text>
					</ColumnRow>
				)}
			/>
		</Box>
	);
}
