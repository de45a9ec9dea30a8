import type {OagApi} from '../api/OagApi.js';
import {FAILOVER_MODES, type FailoverModeValue} from '../api/schemas/idps.js';
import {paths} from '../api/schemas/paths.js';
import type {Operation} from './types.js';

// An IdP's failover mode (offline sign-in when Okta is unreachable). DISABLED is dangerous: while Okta is
// down nobody signs in through that IdP, so it asks for DISABLED to be typed.

export type FailoverState = {mode: string};

export const FAILOVER_OPERATION_ID = 'idps.failover';

export const isFailoverMode = (text: string): text is FailoverModeValue => (FAILOVER_MODES as readonly string[]).includes(text);

export function failoverOperation(
	api: Pick<OagApi, 'idps'>,
	idp: {id: string; name?: string},
	mode: FailoverModeValue,
): Operation<FailoverState> {
	const shown = idp.name ?? idp.id;
	return {
		id: FAILOVER_OPERATION_ID,
		label: `failover of ${shown} -> ${mode}`,
		target: {kind: 'idp', id: idp.id, ...(idp.name ? {name: idp.name} : {})},
		requested: {mode},
		request: {method: 'POST', path: paths.failoverMode(idp.id), body: {mode}},
		...(mode === 'DISABLED'
			? {confirmation: {expected: 'DISABLED', prompt: `Failover of ${shown} -> DISABLED: users cannot sign in offline when Okta is down.`}}
			: {}),
		readBefore: async () => ({mode: (await api.idps.getFailoverMode(idp.id)).mode}),
		validate: () => (isFailoverMode(mode) ? [] : [`unknown failover mode ${String(mode)} (known: ${FAILOVER_MODES.join(', ')})`]),
		call: () => api.idps.setFailoverMode(idp.id, mode),
		verify: async () => {
			const fresh = (await api.idps.getFailoverMode(idp.id)).mode;
			return {after: {mode: fresh}, ...(fresh === mode ? {} : {mismatch: `mode ${fresh}`})};
		},
		inverse: before => (isFailoverMode(before.mode) ? failoverOperation(api, idp, before.mode) : undefined),
	};
}
