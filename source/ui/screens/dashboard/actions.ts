import type {Action} from '../../actions/types.js';
import {dashboardRows, screenOfCommand} from './rows.js';

export const dashboardActions: readonly Action[] = [
	{
		id: 'dashboard.open',
		keys: ['enter'],
		scope: 'dashboard',
		label: 'go fix',
		description: 'go to the screen where the selected checklist line is fixed',
		footer: true,
		disabledReason: ctx => (ctx.list?.selectedId ? undefined : 'no line selected'),
		run: ctx => {
			const state = ctx.store?.state.getState();
			if (!state) return;
			const filter = ctx.nav.getState().filters.dashboard ?? '';
			const row = dashboardRows(state, filter).find(r => r.id === ctx.list?.selectedId);
			if (row) ctx.nav.go(screenOfCommand(row.goTo));
		},
	},
];
