import {readinessChecklist, type ReadinessLine} from '../../../domain/readiness.js';
import {readinessSnapshot, type ReadinessSource} from '../../../store/selectors.js';
import {rowsSelector, type ListSpec} from '../../lists/listRows.js';
import {appRoute, idpRoute, type Route, type ScreenId} from '../../navigation/routes.js';
import type {ScreenList} from '../types.js';

/** A readiness line as a list row; `itemId` is the IdP's or app's id on per-item lines. */
export type ReadinessRow = ReadinessLine & {id: string; label: string; itemId: string | undefined};

export function buildDashboardRows(state: ReadinessSource): ReadinessRow[] {
	return readinessChecklist(readinessSnapshot(state)).map(line => ({
		...line,
		id: `${line.area}:${line.id ?? line.subject}`,
		label: line.subject,
		itemId: line.id,
	}));
}

const status = (row: ReadinessRow) => (row.pending ? 'loading' : row.done ? 'done' : 'todo');

export const dashboardListSpec: ListSpec<ReadinessRow> = {
	sources: state => [state.authService, state.health.history, state.idps.items, state.apps, state.policyEra],
	build: buildDashboardRows,
	search: row => ({
		text: [row.subject, row.detail, status(row)],
		fields: {name: row.subject, area: row.area, state: status(row), detail: row.detail},
	}),
	fields: ['name', 'area', 'state', 'detail'],
	sortColumns: [
		{id: 'STATUS', value: status},
		{id: 'SUBJECT', value: row => row.subject},
	],
	markable: false,
};

export const selectDashboardRows = rowsSelector(dashboardListSpec);

export const dashboardList: ScreenList = {
	select: selectDashboardRows,
	sortColumns: dashboardListSpec.sortColumns.map(c => c.id),
	markable: false,
};

/** Where Enter on a line goes: the very IdP or app for per-item lines, else the screen of its `:` command. */
export function routeOfLine(row: ReadinessRow): Route {
	if (row.area === 'idp' && row.itemId) return idpRoute(row.itemId);
	if (row.area === 'app' && row.itemId) return appRoute(row.itemId);
	return {screen: row.goTo.replace(/^:/, '') as ScreenId};
}
