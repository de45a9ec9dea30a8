import {openSelectedAction} from '../../actions/openSelected.js';
import {refreshAction} from '../../actions/screenActions.js';
import type {Action, ActionContext} from '../../actions/types.js';
import {idpRoute} from '../../navigation/routes.js';

const selected = (ctx: ActionContext) => (ctx.list?.selectedId ? undefined : 'no IdP selected');

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
			if (ctx.store && ctx.list?.selectedId) await ctx.store.setFailoverMode(ctx.list.selectedId, 'AUTOMATIC');
		},
	},
	{
		id: 'idps.disable',
		keys: ['D'],
		scope: 'idps',
		label: 'failover DISABLED',
		description: 'set the selected IdP failover to DISABLED (asks you to type DISABLED)',
		dangerous: true,
		footer: true,
		disabledReason: selected,
		run: ctx => {
			const {store, list} = ctx;
			if (!store || !list?.selectedId) return;
			const idpId = list.selectedId;
			ctx.nav.confirm({
				prompt: `Failover of ${list.selectedLabel ?? idpId} -> DISABLED: users cannot sign in offline when Okta is down.`,
				expected: 'DISABLED',
				onConfirm: async () => {
					await store.setFailoverMode(idpId, 'DISABLED');
				},
			});
		},
	},
	refreshAction('idps', 'idps', 'reload the IdPs and their offline-mode settings'),
];
