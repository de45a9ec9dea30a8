import {appPolicySummary} from '../../../domain/readiness.js';
import {matchesFilter} from '../../../store/selectors.js';
import type {AppEntry, OagState} from '../../../store/state.js';

export type AppRow = AppEntry & {id: string; label: string; policy: string | undefined};

export function appRows(state: Pick<OagState, 'apps' | 'policyEra'>, filter: string): AppRow[] {
	return state.apps.items
		.map(entry => ({
			...entry,
			id: entry.app.id,
			label: entry.app.label ?? entry.app.name,
			policy: appPolicySummary(entry, state.policyEra),
		}))
		.filter(row => matchesFilter(filter, row.label, row.app.name, row.app.type, row.app.publicDomain, row.state));
}
