import {describe, expect, it} from 'vitest';
import {createOagStore} from '../../source/store/createOagStore.js';
import type {OagState} from '../../source/store/state.js';
import {counterText} from '../../source/ui/components/ListView.js';
import {findItem} from '../../source/ui/lists/findItem.js';
import {sortRows} from '../../source/ui/lists/listRows.js';
import {breadcrumbs} from '../../source/ui/navigation/breadcrumbs.js';
import {appRoute, idpRoute} from '../../source/ui/navigation/routes.js';
import {selectAppRows} from '../../source/ui/screens/apps/rows.js';
import {routeOfLine, selectDashboardRows} from '../../source/ui/screens/dashboard/rows.js';
import {SCREENS} from '../../source/ui/screens/registry.js';
import {createFakeApi, demoConnection} from '../store/fakeOagApi.js';

async function loadedState(): Promise<OagState> {
	const store = createOagStore({api: createFakeApi().api, connection: demoConnection});
	await Promise.all([store.load('idps'), store.load('apps'), store.load('authService')]);
	const state = store.state.getState();
	store.dispose();
	return state;
}

describe('list rows', () => {
	it('are computed once per (slices, filter, sort): the same object while none changes', async () => {
		const state = await loadedState();
		const first = selectAppRows(state, '', undefined);
		expect(first.rows.map(r => r.label)).toEqual(['payroll', 'wiki', 'crm']);
		expect(selectAppRows(state, '', undefined)).toBe(first);
		// A change elsewhere in the state (a toast, health) keeps the rows.
		expect(selectAppRows({...state, toast: {text: 'x', tone: 'info', at: 1}}, '', undefined)).toBe(first);
		expect(selectAppRows(state, 'stat:TEST', undefined).fieldHint).toBe('no field stat: here name state type domain idp policy id');
		const filtered = selectAppRows(state, 'state:TEST', undefined);
		expect(filtered.fieldHint).toBeUndefined();
		expect(filtered.rows.map(r => r.label)).toEqual(['wiki']);
		expect(filtered.all).toBe(first.all); // the filter reuses the built rows
		const sorted = selectAppRows(state, '', {column: 'NAME', descending: false});
		expect(sorted.rows.map(r => r.label)).toEqual(['crm', 'payroll', 'wiki']);
		expect(selectAppRows(state, '', {column: 'NAME', descending: true}).rows.map(r => r.label)).toEqual(['wiki', 'payroll', 'crm']);
		// A new apps slice rebuilds.
		const changed = {...state, apps: {...state.apps, items: state.apps.items.slice(0, 1)}};
		expect(selectAppRows(changed, '', undefined).rows).toHaveLength(1);
	});

	it('a batch of app details rebuilds only the rows of the apps it changed; the others keep their identity', async () => {
		const state = await loadedState();
		const [payroll, wiki, crm] = state.apps.items;
		const batch = {...state, apps: {...state.apps, items: [payroll!, {...wiki!, state: 'ACTIVE'}, crm!]}};
		for (const select of [selectAppRows, selectDashboardRows] as const) {
			const before = select(state, '', undefined).all;
			const after = select(batch, '', undefined).all;
			expect(after).not.toBe(before);
			const changed = after.filter((row, i) => row !== before[i]).map(row => row.label);
			// The dashboard's service and IdP lines are rebuilt each time (a few); of the apps only wiki.
			expect(changed.filter(label => /payroll|wiki|crm/.test(label))).toEqual([select === selectAppRows ? 'wiki' : 'App wiki']);
			expect(after.find(row => row.label.endsWith('wiki'))!).toMatchObject({label: expect.stringContaining('wiki')});
		}
		expect(selectAppRows(batch, '', undefined).all[1]!.state).toBe('ACTIVE');
		// Another era changes every app's policy text: every app row is rebuilt.
		const era = {...batch, policyEra: batch.policyEra === 'group-policy' ? ('access-policy' as const) : ('group-policy' as const)};
		const eraRows = selectAppRows(era, '', undefined).all;
		expect(eraRows.every((row, i) => row !== selectAppRows(batch, '', undefined).all[i])).toBe(true);
	});

	it('dashboard lines open the very IdP or app they name', async () => {
		const state = await loadedState();
		const {rows} = selectDashboardRows(state, '', undefined);
		const idpLine = rows.find(r => r.subject === 'IdP Auth0 Lab')!;
		const appLine = rows.find(r => r.subject === 'App crm')!;
		expect(routeOfLine(idpLine)).toEqual(idpRoute('idp-2'));
		expect(routeOfLine(appLine)).toEqual(appRoute('app-3'));
		expect(routeOfLine(rows.find(r => r.area === 'auth')!)).toEqual({screen: 'auth'});
		expect(selectDashboardRows(state, 'area:app state:todo', undefined).rows.map(r => r.subject)).toEqual(['App crm']);
		expect(selectDashboardRows(state, 'area:idp !state:done', undefined).rows.map(r => r.subject)).toEqual(['IdP Auth0 Lab']);
	});

	it('breadcrumbs name the item from the store and show its list once', async () => {
		const state = await loadedState();
		expect(breadcrumbs([{screen: 'dashboard'}, idpRoute('idp-1')], SCREENS, state)).toEqual(['Dashboard', 'IdPs', 'Okta Prod']);
		expect(breadcrumbs([{screen: 'dashboard'}, {screen: 'idps'}, idpRoute('idp-1')], SCREENS, state)).toEqual(['Dashboard', 'IdPs', 'Okta Prod']);
		expect(breadcrumbs([{screen: 'apps'}, appRoute('app-2')], SCREENS, state)).toEqual(['Apps', 'wiki']);
		// Not loaded (or gone): the id stands in; hostile control characters never reach the header.
		expect(breadcrumbs([appRoute('gone')], SCREENS, undefined)).toEqual(['Apps', 'gone']);
		const hostile = {...state, idps: {...state.idps, items: [{...state.idps.items[0]!, idp: {id: 'idp-1', type: 'IDP_OKTA', name: 'Evil\u001b[2J\u0007Okta'}}]}};
		expect(breadcrumbs([idpRoute('idp-1')], SCREENS, hostile)).toEqual(['IdPs', 'Evil\\u001b[2J\\u0007Okta']);
	});

	it('finds an item by id, exact name, then unique prefix; several are candidates', () => {
		const items = [
			{id: 'i1', name: 'Corp Okta'},
			{id: 'i2', name: 'Corp Okta Staging'},
			{id: 'i3', name: 'Lab', otherNames: ['lab-internal']},
			{id: 'i4', name: 'Twin'},
			{id: 'i5', name: 'twin'},
		];
		expect(findItem(items, 'i2')).toEqual({found: items[1]});
		expect(findItem(items, 'corp okta')).toEqual({found: items[0]}); // exact beats prefix
		expect(findItem(items, 'corp')).toEqual({candidates: [items[0], items[1]]});
		expect(findItem(items, 'corp okta s')).toEqual({found: items[1]});
		expect(findItem(items, 'lab-int')).toEqual({found: items[2]});
		expect(findItem(items, 'TWIN')).toEqual({candidates: [items[3], items[4]]});
		expect(findItem(items, 'nothing')).toEqual({none: true});
		expect(findItem(items, '  ')).toEqual({none: true});
	});
});

describe('sorting and the counter line', () => {
	it('sorts numbers as numbers and names naturally; rows without a value go last in both directions; ties keep their order', () => {
		const rows = [
			{id: 'a', label: 'app10', n: 3},
			{id: 'b', label: 'app9', n: undefined},
			{id: 'c', label: 'App2', n: 10},
			{id: 'd', label: 'app2', n: 3},
		];
		const byLabel = {id: 'NAME', value: (r: (typeof rows)[number]) => r.label};
		const byN = {id: 'N', value: (r: (typeof rows)[number]) => r.n};
		expect(sortRows(rows, byLabel, false).map(r => r.id)).toEqual(['c', 'd', 'b', 'a']);
		expect(sortRows(rows, byN, false).map(r => r.id)).toEqual(['a', 'd', 'c', 'b']);
		expect(sortRows(rows, byN, true).map(r => r.id)).toEqual(['c', 'a', 'd', 'b']);
	});

	it('says how many rows match, how many are marked and how the list is sorted', () => {
		expect(counterText({shown: 3, total: 3, marked: 0})).toBe('3 rows');
		expect(counterText({shown: 1, total: 3, filter: 'crm', marked: 2, sort: {column: 'NAME', descending: true}})).toBe(
			'1 of 3 match /crm · 2 marked · sorted by NAME▼',
		);
	});
});
