import {openSelectedAction} from '../../actions/openSelected.js';
import {refreshAction} from '../../actions/screenActions.js';
import {typedConfirmation} from '../../actions/typedConfirmation.js';
import type {Action, ActionConfirmation, ActionContext} from '../../actions/types.js';
import {idpRoute} from '../../navigation/routes.js';
import {forgetUndo, rememberUndo, undoFor} from './undo.js';

const selected = (ctx: ActionContext) => (ctx.list?.selectedId ? undefined : 'no IdP selected');

// Both go through the store's operations runner: read-only refusal, verify, one audit line each.
const DISABLE_CONFIRMATION: ActionConfirmation = {expected: 'DISABLED'};
const AUTOMATIC_CONFIRMATION: ActionConfirmation = {expected: 'AUTOMATIC'};

export const idpActions: readonly Action[] = [
	openSelectedAction('idps', 'IdP', idpRoute),
	{
		id: 'idps.automatic',
		keys: ['a'],
		scope: 'idps',
		label: 'failover AUTOMATIC',
		description: 'set the selected IdP failover to AUTOMATIC (offline sign-in when Okta is down)',
		mutates: true,
		footer: true,
		disabledReason: selected,
		run: async ctx => {
			// Asks (type AUTOMATIC) only when the IdP has no directory: offline sign-in would find no users.
			if (ctx.store && ctx.list?.selectedId) {
				rememberUndo(ctx.store, await ctx.store.setFailoverMode(ctx.list.selectedId, 'AUTOMATIC', typedConfirmation(ctx.nav, AUTOMATIC_CONFIRMATION)));
			}
		},
	},
	{
		id: 'idps.disable',
		keys: ['D'],
		scope: 'idps',
		label: 'failover DISABLED',
		description: 'set the selected IdP failover to DISABLED (asks you to type DISABLED)',
		dangerous: true,
		confirm: DISABLE_CONFIRMATION,
		footer: true,
		disabledReason: selected,
		run: async ctx => {
			if (ctx.store && ctx.list?.selectedId) {
				rememberUndo(ctx.store, await ctx.store.setFailoverMode(ctx.list.selectedId, 'DISABLED', typedConfirmation(ctx.nav, DISABLE_CONFIRMATION)));
			}
		},
	},
	{
		id: 'idps.undo',
		keys: ['u'],
		scope: 'idps',
		label: 'undo',
		description: 'undo the last failover change made here (back to the mode read before it; DISABLED asks again)',
		mutates: true,
		// Not in the footer: it works only after a change, and the 80-column footer has no room to spare.
		disabledReason: ctx => (undoFor(ctx.store) ? undefined : 'no failover change to undo'),
		run: async ctx => {
			const undo = undoFor(ctx.store);
			if (!ctx.store || !undo) return;
			const store = ctx.store;
			const outcome = await store.setFailoverMode(undo.idpId, undo.mode, typedConfirmation(ctx.nav, undo.mode === 'AUTOMATIC' ? AUTOMATIC_CONFIRMATION : DISABLE_CONFIRMATION));
			// Undone once; undoing the undo is a new change the admin makes with a or D.
			if (outcome.ok) forgetUndo(store);
		},
	},
	refreshAction('idps', 'idps', 'reload the IdPs and their offline-mode settings'),
];
