import type {Action} from '../../actions/types.js';
import {dashboardPromoteAction} from '../apps/promotion/actions.js';
import {routeOfLine, selectDashboardRows} from './rows.js';

export const dashboardActions: readonly Action[] = [
	{
		id: 'dashboard.open',
		keys: ['enter'],
		scope: 'dashboard',
		label: 'open',
		description: 'open the selected line: that very IdP or app, or the screen where the step is done',
		footer: true,
		disabledReason: ctx => (ctx.list?.selectedId ? undefined : 'no line selected'),
		run: ctx => {
			const state = ctx.store?.state.getState();
			const list = ctx.list;
			if (!state || !list) return;
			const listState = ctx.nav.list(list.key);
			const row = selectDashboardRows(state, listState.filter, listState.sort).rows[list.cursor];
			if (row) ctx.nav.go(routeOfLine(row));
		},
	},
	dashboardPromoteAction,
];
