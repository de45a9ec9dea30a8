import type {Action} from '../../../actions/types.js';
import {needsConnection} from '../../../actions/screenActions.js';
import {formActions} from '../../../components/form/formActions.js';
import {findApp} from '../item.js';
import {policyReadFailure} from './policyRead.js';

// The app policy form's keys in the one registry (footer, help, read-only): saving sends a change.
export const APP_POLICY_FORM_ACTIONS = formActions('appPolicy', {
	submit: {label: 'save', description: 'set who may sign in to this app offline (its group names, or its access policy) and verify it', mutates: true},
});

/** `r` while a read the form starts from has failed (the screen takes no typed text then): read it again. */
const readAgain: Action = {
	id: 'appPolicy.refresh',
	keys: ['r'],
	scope: 'appPolicy',
	label: 'refresh',
	description: "read the app's offline policy (and its IdP's access policies) again, after a read failed",
	footer: true,
	disabledReason: ctx => {
		const state = ctx.store?.state.getState();
		if (!state) return needsConnection(ctx);
		return policyReadFailure(state, ctx.route.params?.id) === undefined ? 'nothing failed to read' : undefined;
	},
	run: ctx => {
		const id = ctx.route.params?.id;
		const store = ctx.store;
		if (!store || id === undefined) return;
		const idpId = findApp(store.state.getState(), id)?.app.idpId;
		if (idpId !== undefined && store.state.getState().accessPolicies[idpId]?.error !== undefined) void store.accessPolicies.load(idpId);
		void store.apps.ensurePolicy(id);
	},
};

export const APP_POLICY_ACTIONS: readonly Action[] = [...APP_POLICY_FORM_ACTIONS.all, readAgain];
