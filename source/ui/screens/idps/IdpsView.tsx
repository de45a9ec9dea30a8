import {Box} from 'ink';
import {useCallback, useEffect, useMemo} from 'react';
import {ColumnHeader, ColumnRow, type Column} from '../../components/Columns.js';
import {RouteList} from '../../components/RouteList.js';
import {stateCell} from '../../components/StateTag.js';
import {useList} from '../../components/useList.js';
import {plainText} from '../../format/plainText.js';
import {useOag, useOagStore} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import {selectIdpRows, type IdpRow} from './rows.js';

export function IdpsView({width, height}: {width: number; height: number}) {
	const store = useOagStore();
	const status = useOag(s => s.idps.status);
	const list = useList(selectIdpRows, 'idps');
	const listHeight = height - 1 - (status.state === 'error' ? 1 : 0);
	useEffect(() => {
		void store.ensure('idps');
		void store.ensureDirectories(); // per IdP, once the list is in
		return store.idpModes.watch();
	}, [store]);
	const nameWidth = Math.max(16, Math.floor(width * 0.3));
	// Stable while the width is: the list then re-renders only the rows that changed.
	const columns: Column[] = useMemo(
		() => [
			{title: 'NAME', sortId: 'NAME', width: nameWidth},
			{title: 'TYPE', sortId: 'TYPE', width: 12},
			{title: 'FAILOVER', sortId: 'FAILOVER', width: 14},
			{title: 'DIRECTORIES', sortId: 'DIRECTORIES', width: 13},
			{title: 'HEALTH POLICY'},
		],
		[nameWidth],
	);
	const renderRow = useCallback(
		(row: IdpRow) => (
			<ColumnRow
				columns={columns}
				cells={[
					plainText(row.idp.name),
					plainText(row.idp.type.replace(/^IDP_/, '')),
					stateCell(row.failover),
					row.directories === undefined ? '?' : String(row.directories.length),
					row.policyOk === undefined ? '?' : row.policyOk ? 'valid' : '[INVALID]',
				]}
			/>
		),
		[columns],
	);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ColumnHeader columns={columns} sort={list.state.sort} />
			{status.state === 'error' ? <Tone token="status.error">{`[ERROR] ${status.error}`}</Tone> : null}
			<RouteList
				list={list}
				height={listHeight}
				empty={status.state === 'loading' || status.state === 'idle' ? 'Loading IdPs…' : 'No IdPs on this gateway.'}
				renderRow={renderRow}
			/>
		</Box>
	);
}
