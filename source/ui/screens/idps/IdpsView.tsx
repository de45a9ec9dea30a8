import {Box, Text} from 'ink';
import {useEffect, useMemo} from 'react';
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
		void store.load('idps');
		return store.idpModes.watch();
	}, [store]);
	const nameWidth = Math.max(16, Math.floor(width * 0.3));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box>
				<Box width={nameWidth + 2}>
					<Tone token="text.muted">NAME</Tone>
				</Box>
				<Box width={12}>
					<Tone token="text.muted">TYPE</Tone>
				</Box>
				<Box width={14}>
					<Tone token="text.muted">FAILOVER</Tone>
				</Box>
				<Box width={13}>
					<Tone token="text.muted">DIRECTORIES</Tone>
				</Box>
				<Tone token="text.muted">HEALTH POLICY</Tone>
			</Box>
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
					<Box>
						<Box width={nameWidth}>
							<Text wrap="truncate">{row.idp.name}</Text>
						</Box>
						<Box width={12}>
							<Text wrap="truncate">{row.idp.type.replace(/^IDP_/, '')}</Text>
						</Box>
						<Box width={14}>
							<StateTag state={row.failover} />
						</Box>
						<Box width={13}>
							<Text>{row.directories === undefined ? '?' : String(row.directories.length)}</Text>
						</Box>
						<Text>{row.policyOk === undefined ? '?' : row.policyOk ? 'valid' : '[INVALID]'}</Text>
					</Box>
				)}
			/>
		</Box>
	);
}
