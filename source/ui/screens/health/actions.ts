import type {Action} from '../../actions/types.js';

const needsStore = (ctx: {store?: unknown}) => (ctx.store ? undefined : 'not connected');

export const healthActions: readonly Action[] = [
	{
		id: 'health.pause',
		keys: ['p'],
		scope: 'health',
		label: 'pause/resume',
		description: 'pause or resume live polling',
		footer: true,
		disabledReason: needsStore,
		run: ctx => {
			ctx.store?.health.togglePause();
			ctx.store?.idpModes.togglePause();
		},
	},
	{
		id: 'health.faster',
		keys: ['+', '='],
		scope: 'health',
		label: 'faster',
		description: 'poll more often (down to every 2 s)',
		footer: true,
		disabledReason: needsStore,
		run: ctx => {
			ctx.store?.health.faster();
			ctx.store?.idpModes.faster();
		},
	},
	{
		id: 'health.slower',
		keys: ['-', '_'],
		scope: 'health',
		label: 'slower',
		description: 'poll less often (up to every 60 s)',
		footer: true,
		disabledReason: needsStore,
		run: ctx => {
			ctx.store?.health.slower();
			ctx.store?.idpModes.slower();
		},
	},
	{
		id: 'health.refresh',
		keys: ['r'],
		scope: 'health',
		label: 'check now',
		description: 'run the health check now (joins a check already running)',
		footer: true,
		disabledReason: needsStore,
		run: ctx => {
			void ctx.store?.health.refresh();
			void ctx.store?.idpModes.refresh();
		},
	},
];
