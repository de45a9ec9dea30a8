import {Box} from 'ink';
import {useCallback, useEffect, useMemo} from 'react';
import {ColumnHeader, ColumnRow, type Column} from '../../components/Columns.js';
import {visibleRowCount, windowStart} from '../../components/ListView.js';
import {RouteList} from '../../components/RouteList.js';
import {stateCell} from '../../components/StateTag.js';
import {useList} from '../../components/useList.js';
import {plainText} from '../../format/plainText.js';
import {useOag, useOagStore} from '../../shell/ShellContext.js';
import {selectAppRows, type AppRow} from './rows.js';

export function AppsView({width, height}: {width: number; height: number}) {
	const store = useOagStore();
	const status = useOag(s => s.apps.status);
	const detailsLoaded = useOag(s => s.apps.detailsLoaded);
	const list = useList(selectAppRows, 'apps');
	const listHeight = height - 1;
	useEffect(() => {
		void store.ensure('apps');
	}, [store]);
	// The rows on screen get their details first. Keyed by a string, so the store hears of it only when the
	// window shows other apps (a page, a filter, a sort), not on every cursor move inside the window.
	const visible = visibleRowCount(listHeight);
	const start = windowStart(list.cursor, list.rows.length, visible);
	const visibleIds = list.rows
		.slice(start, start + visible)
		.map(row => row.id)
		.join('\n');
	useEffect(() => {
		if (visibleIds) store.apps.prioritise(visibleIds.split('\n'));
	}, [store, visibleIds]);
	const total = list.all.length;
	const loadingDetails = total > 0 && detailsLoaded < total;
	const nameWidth = Math.max(16, Math.floor(width * 0.3));
	// Stable while the width is: the list then re-renders only the rows that changed.
	const columns: Column[] = useMemo(
		() => [
			{title: 'NAME', sortId: 'NAME', width: nameWidth},
			{title: 'STATE', sortId: 'STATE', width: 13},
			{title: 'OFFLINE POLICY', sortId: 'OFFLINE POLICY'},
		],
		[nameWidth],
	);
	const note = loadingDetails ? `   (details ${detailsLoaded}/${total})` : '';
	const header = note ? columns.map(c => (c.title === 'OFFLINE POLICY' ? {...c, note} : c)) : columns;
	const renderRow = useCallback(
		(row: AppRow) => (
			<ColumnRow columns={columns} cells={[plainText(row.label), stateCell(row.state, '…'), plainText(row.policy ?? (row.state ? 'none' : ''))]} />
		),
		[columns],
	);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ColumnHeader columns={header} sort={list.state.sort} />
			<RouteList
				list={list}
				height={listHeight}
				empty={status.state === 'error' ? `[ERROR] ${status.error}` : status.state === 'ready' ? 'No apps.' : 'Loading apps…'}
				renderRow={renderRow}
			/>
		</Box>
	);
}
