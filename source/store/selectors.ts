import type {ReadinessSnapshot} from '../domain/readiness.js';
import type {AppEntry, OagState} from './state.js';

// Derived views of the state. They build new objects, so components call them inside useMemo over
// the slices they read, never as a zustand selector.

/** The parts of the state the readiness checklist reads. */
export type ReadinessSource = Pick<OagState, 'authService' | 'idps' | 'apps' | 'policyEra'> & {
	health: Pick<OagState['health'], 'history'>;
};

/** What the readiness checklist reads of one app. */
export const readinessApp = (e: AppEntry): ReadinessSnapshot['apps'][number] => ({
	id: e.app.id,
	name: e.app.label ?? e.app.name,
	state: e.state,
	groups: e.groups,
	accessPolicyId: e.accessPolicyId,
});

export function readinessSnapshot(state: ReadinessSource): ReadinessSnapshot {
	const setting = state.authService.setting;
	const lastHealth = state.health.history.at(-1)?.status;
	return {
		authServiceEnabled: setting === undefined ? undefined : setting !== null,
		healthStatus: lastHealth === 'ERROR' || lastHealth === 'DISABLED' ? undefined : lastHealth,
		idps: state.idps.items.map(e => ({
			id: e.idp.id,
			name: e.idp.name,
			failover: e.failover,
			directoryCount: e.directories?.length,
			healthPolicy: e.healthPolicy,
		})),
		apps: state.apps.items.map(readinessApp),
		policyEra: state.policyEra,
	};
}

/** Case-insensitive match of every word of a `/` filter against some text fields. */
export function matchesFilter(filter: string | undefined, ...fields: Array<string | undefined>): boolean {
	const words = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return true;
	const text = fields.filter(Boolean).join(' ').toLowerCase();
	return words.every(word => text.includes(word));
}
