import {appPolicySummary} from '../../../domain/readiness.js';
import type {PolicyEra} from '../../../domain/gatewayVersion.js';
import type {AppEntry, OagState} from '../../../store/state.js';
import {rowsSelector, type ListSpec} from '../../lists/listRows.js';
import type {ScreenList} from '../types.js';

export type AppRow = AppEntry & {id: string; label: string; policy: string | undefined; idpName: string | undefined};

/**
 * Each app's row, kept while its entry, the era and its IdP's name are the same: the apps slice replaces
 * only the entries a batch of details changed, so a batch over 5,000 apps builds a few dozen rows, and the
 * unchanged rows keep their identity (the list's memoised lines skip them).
 */
const rowsByEntry = new WeakMap<AppEntry, AppRow & {era: PolicyEra | undefined}>();

export function buildAppRows(state: Pick<OagState, 'apps' | 'policyEra' | 'idps'>): AppRow[] {
	const idpNames = new Map(state.idps.items.map(e => [e.idp.id, e.idp.name]));
	const era = state.policyEra;
	return state.apps.items.map(entry => {
		const idpName = entry.app.idpId === undefined ? undefined : idpNames.get(entry.app.idpId);
		const known = rowsByEntry.get(entry);
		if (known && known.era === era && known.idpName === idpName) return known;
		const row = {...entry, id: entry.app.id, label: entry.app.label ?? entry.app.name, policy: appPolicySummary(entry, era), idpName, era};
		rowsByEntry.set(entry, row);
		return row;
	});
}

export const appListSpec: ListSpec<AppRow> = {
	sources: state => [state.apps, state.policyEra, state.idps.items],
	build: buildAppRows,
	search: row => ({
		text: [row.label, row.app.name, row.policy],
		fields: {
			name: `${row.label} ${row.app.name}`,
			state: row.state,
			type: row.app.type,
			domain: row.app.publicDomain,
			idp: [row.idpName, row.app.idpId].filter(Boolean).join(' '),
			policy: row.policy,
			id: row.id,
		},
	}),
	fields: ['name', 'state', 'type', 'domain', 'idp', 'policy', 'id'],
	sortColumns: [
		{id: 'NAME', value: row => row.label},
		{id: 'STATE', value: row => row.state},
		{id: 'OFFLINE POLICY', value: row => row.policy},
	],
	markable: true,
};

export const selectAppRows = rowsSelector(appListSpec);

export const appList: ScreenList = {
	select: selectAppRows,
	sortColumns: appListSpec.sortColumns.map(c => c.id),
	markable: true,
};
