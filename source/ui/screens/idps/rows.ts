import {validateHealthPolicy} from '../../../domain/healthPolicy.js';
import {matchesFilter} from '../../../store/selectors.js';
import type {IdpEntry, OagState} from '../../../store/state.js';

export type IdpRow = IdpEntry & {id: string; label: string; policyOk: boolean | undefined};

export function idpRows(state: Pick<OagState, 'idps'>, filter: string): IdpRow[] {
	return state.idps.items
		.map(entry => ({
			...entry,
			id: entry.idp.id,
			label: entry.idp.name,
			policyOk: entry.healthPolicy ? validateHealthPolicy(entry.healthPolicy, 'client').length === 0 : undefined,
		}))
		.filter(row => matchesFilter(filter, row.idp.name, row.idp.type, row.idp.domain, row.failover));
}
