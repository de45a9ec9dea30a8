import {needsConnection} from '../../actions/screenActions.js';
import type {Action, ActionContext} from '../../actions/types.js';

/** The screen shows two live feeds, auth-service health and IdP modes; its controls act on both. */
const livePollers = (ctx: ActionContext) => (ctx.store ? [ctx.store.health, ctx.store.idpModes] : []);

export const healthActions: readonly Action[] = [
	{
		id: 'health.pause',
		keys: ['p'],
		scope: 'health',
		label: 'pause/resume',
		description: 'pause or resume live polling',
		footer: true,
		disabledReason: needsConnection,
		run: ctx => livePollers(ctx).forEach(poller => poller.togglePause()),
	},
	{
		id: 'health.faster',
		keys: ['+', '='],
		scope: 'health',
		label: 'faster',
		description: 'poll more often (down to every 2 s)',
		footer: true,
		disabledReason: needsConnection,
		run: ctx => livePollers(ctx).forEach(poller => poller.faster()),
	},
	{
		id: 'health.slower',
		keys: ['-', '_'],
		scope: 'health',
		label: 'slower',
		description: 'poll less often (up to every 60 s)',
		footer: true,
		disabledReason: needsConnection,
		run: ctx => livePollers(ctx).forEach(poller => poller.slower()),
	},
	{
		id: 'health.refresh',
		keys: ['r'],
		scope: 'health',
		label: 'check now',
		description: 'run the health check now (joins a check already running)',
		footer: true,
		disabledReason: needsConnection,
		run: ctx => livePollers(ctx).forEach(poller => void poller.refresh()),
	},
];
