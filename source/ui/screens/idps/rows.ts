import {validateHealthPolicy} from '../../../domain/healthPolicy.js';
import type {IdpEntry, OagState} from '../../../store/state.js';
import {rowsSelector, type ListSpec} from '../../lists/listRows.js';
import type {ScreenList} from '../types.js';

export type IdpRow = IdpEntry & {id: string; label: string; policyOk: boolean | undefined};

export function buildIdpRows(state: Pick<OagState, 'idps'>): IdpRow[] {
	return state.idps.items.map(entry => ({
		...entry,
		id: entry.idp.id,
		label: entry.idp.name,
		policyOk: entry.healthPolicy ? validateHealthPolicy(entry.healthPolicy, 'client').length === 0 : undefined,
	}));
}

const typeName = (row: IdpRow) => row.idp.type.replace(/^IDP_/, '');

export const idpListSpec: ListSpec<IdpRow> = {
	sources: state => [state.idps.items],
	build: buildIdpRows,
	search: row => ({
		text: [row.idp.name, row.idp.type, row.idp.domain, row.failover],
		fields: {
			name: row.idp.name,
			type: `${row.idp.type} ${typeName(row)}`,
			domain: row.idp.domain,
			failover: row.failover,
			state: row.failover,
			policy: row.policyOk === undefined ? undefined : row.policyOk ? 'valid' : 'invalid',
			id: row.id,
		},
	}),
	fields: ['name', 'type', 'domain', 'failover', 'state', 'policy', 'id'],
	sortColumns: [
		{id: 'NAME', value: row => row.idp.name},
		{id: 'TYPE', value: typeName},
		{id: 'FAILOVER', value: row => row.failover},
		{id: 'DIRECTORIES', value: row => row.directories?.length},
	],
	markable: true,
};

export const selectIdpRows = rowsSelector(idpListSpec);

export const idpList: ScreenList = {
	select: selectIdpRows,
	sortColumns: idpListSpec.sortColumns.map(c => c.id),
	markable: true,
};
