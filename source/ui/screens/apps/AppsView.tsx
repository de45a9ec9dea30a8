import {Box, Text} from 'ink';
import {useEffect, useMemo} from 'react';
import {ColumnHeader, ColumnRow, type Column} from '../../components/Columns.js';
import {ListView} from '../../components/ListView.js';
import {StateTag} from '../../components/StateTag.js';
import {useNav, useOag, useOagStore} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import {appRows} from './rows.js';

export function AppsView({width, height}: {width: number; height: number}) {
	const store = useOagStore();
	const apps = useOag(s => s.apps);
	const policyEra = useOag(s => s.policyEra);
	const filter = useNav(s => s.filters.apps ?? '');
	const cursor = useNav(s => s.cursors.apps ?? 0);
	const rows = useMemo(() => appRows({apps, policyEra}, filter), [apps, policyEra, filter]);
	useEffect(() => {
		void store.ensure('apps');
	}, [store]);
	const loadingDetails = apps.items.length > 0 && apps.detailsLoaded < apps.items.length;
	const columns: Column[] = [
		{title: 'NAME', width: Math.max(16, Math.floor(width * 0.3))},
		{title: 'STATE', width: 13},
		{title: `OFFLINE POLICY${loadingDetails ? `   (details ${apps.detailsLoaded}/${apps.items.length})` : ''}`},
	];
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ColumnHeader columns={columns} />
			<ListView
				rows={rows}
				cursor={cursor}
				height={height - 1}
				filter={filter}
				total={apps.items.length}
				empty={apps.status.state === 'error' ? `[ERROR] ${apps.status.error}` : apps.status.state === 'ready' ? 'No apps.' : 'Loading apps…'}
				rowKey={row => row.id}
				renderRow={row => (
					<ColumnRow columns={columns}>
						<Text wrap="truncate">{row.label}</Text>
						<StateTag state={row.state} fallback="…" />
						<Text wrap="truncate">{row.policy ?? (row.state ? 'none' : '')}</Text>
					</ColumnRow>
				)}
			/>
		</Box>
	);
}
