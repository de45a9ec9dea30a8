import {isOagError} from '../../api/errors.js';
import type {AccessPolicy} from '../../api/schemas/accessPolicies.js';
import {settle} from '../mapLimit.js';
import {describeError} from '../resourceStatus.js';
import {createSingleFlight, type SingleFlight} from '../singleFlight.js';
import type {AccessPoliciesSlice} from '../state.js';
import {connected, type SliceContext} from './context.js';

// The offline access policies of each IdP (gateways from the cut-over), loaded per IdP on demand: the app
// policy form picks from them. Single-flight and fresh for a while like the resources. A "not configured"
// answer (404) means the gateway is older than the cut-over: that teaches the store the era.

export const initial: AccessPoliciesSlice = {};

export type AccessPoliciesActions = {
	/** This IdP's policies: loaded if missing or stale, joined if in flight. */
	ensure(idpId: string): Promise<void>;
	/** A forced reload (after a policy was created elsewhere); joins one in flight. */
	load(idpId: string): Promise<void>;
};

export const NO_ACCESS_POLICIES = 'this gateway has no offline access policies (before 2026.09.1): it takes group names instead';

export function create(ctx: SliceContext, freshMs: number): AccessPoliciesActions {
	const flights = new Map<string, SingleFlight>();

	const flightOf = (idpId: string): SingleFlight => {
		let flight = flights.get(idpId);
		if (flight) return flight;
		flight = createSingleFlight({
			run: async () => {
				const result = await settle(ctx.api.accessPolicies.list(idpId));
				const notConfigured = isOagError(result.error) && result.error.kind === 'not-found';
				ctx.store.setState(s => ({
					accessPolicies: {
						...s.accessPolicies,
						[idpId]:
							result.error === undefined
								? {items: result.value as AccessPolicy[], loadedAt: ctx.now()}
								: {...s.accessPolicies[idpId], error: notConfigured ? NO_ACCESS_POLICIES : describeError(result.error)},
					},
					...(result.error === undefined ? {policyEra: 'access-policy' as const} : notConfigured ? {policyEra: 'group-policy' as const} : {}),
				}));
				connected(ctx, result.error);
			},
			loadedAt: () => ctx.store.getState().accessPolicies[idpId]?.loadedAt,
			freshMs,
			now: ctx.now,
		});
		flights.set(idpId, flight);
		return flight;
	};

	return {
		ensure: idpId => flightOf(idpId).ensure(),
		load: idpId => flightOf(idpId).load(),
	};
}
