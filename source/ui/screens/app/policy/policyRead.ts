import type {OagState} from '../../../../store/state.js';
import type {Route} from '../../../navigation/routes.js';
import {findApp} from '../item.js';

// Why the app policy form cannot open: a read it starts from failed (the app's policy, or its IdP's access
// policies) and the store holds nothing to start from. The view shows it; the screen then stops taking
// typed text, so the registry's keys work (`r` reads again, Esc goes back).

const appFailure = (error: string | undefined): string | undefined => (error === undefined ? undefined : `Cannot read the app's offline policy: ${error}`);

/** The failure to show, in one sentence, or undefined when nothing the form needs failed to read. */
export function policyReadFailure(state: OagState, appId: string | undefined): string | undefined {
	const entry = findApp(state, appId);
	if (!entry) return undefined;
	const era = state.policyEra;
	if (era === 'group-policy') return entry.groups === undefined ? appFailure(entry.policyError) : undefined;
	if (era === 'access-policy') {
		const idpId = entry.app.idpId;
		if (idpId === undefined) return undefined;
		const policies = state.accessPolicies[idpId];
		if (policies?.items === undefined && policies?.error !== undefined) return `Cannot read the IdP's access policies: ${policies.error}`;
		return entry.accessPolicyId === undefined ? appFailure(entry.policyError) : undefined;
	}
	return appFailure(entry.policyError); // the read that finds the era failed
}


/** The form takes typed text, except while there is no form, only a failed read to show. */
export const policyFormCapturesText = (state: OagState, route: Route): boolean => policyReadFailure(state, route.params?.id) === undefined;
