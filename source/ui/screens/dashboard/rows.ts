import type {PolicyEra} from '../../../domain/gatewayVersion.js';
import {appReadinessLine, readinessChecklist, type ReadinessLine} from '../../../domain/readiness.js';
import {readinessApp, readinessSnapshot, type ReadinessSource} from '../../../store/selectors.js';
import type {AppEntry} from '../../../store/state.js';
import {rowsSelector, type ListSpec} from '../../lists/listRows.js';
import {appRoute, idpRoute, type Route, type ScreenId} from '../../navigation/routes.js';
import type {ScreenList} from '../types.js';

/** A readiness line as a list row; `itemId` is the IdP's or app's id on per-item lines. */
export type ReadinessRow = ReadinessLine & {id: string; label: string; itemId: string | undefined};

const toRow = (line: ReadinessLine): ReadinessRow => ({...line, id: `${line.area}:${line.id ?? line.subject}`, label: line.subject, itemId: line.id});

/**
 * Each app's row, kept while its entry (and the era) is the same object: the apps slice replaces only the
 * entries a batch of details changed, so a batch over 5,000 apps builds a few dozen rows, not 5,000, and
 * the rows that did not change keep their identity (the list's memoised lines skip them).
 */
const appRows = new WeakMap<AppEntry, {era: PolicyEra | undefined; row: ReadinessRow}>();

function appRow(entry: AppEntry, era: PolicyEra | undefined): ReadinessRow {
	const known = appRows.get(entry);
	if (known && known.era === era) return known.row;
	const row = toRow(appReadinessLine(readinessApp(entry), era));
	appRows.set(entry, {era, row});
	return row;
}

export function buildDashboardRows(state: ReadinessSource): ReadinessRow[] {
	// The few service and IdP lines are rebuilt each time; the app lines come from the cache above.
	const head = readinessChecklist(readinessSnapshot({...state, apps: {...state.apps, items: []}})).map(toRow);
	return [...head, ...state.apps.items.map(entry => appRow(entry, state.policyEra))];
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
