import type {Action} from '../../actions/types.js';

// Changing app states (with typed confirmation for ACTIVE) and bulk promotion come with the apps issue.
export const appActions: readonly Action[] = [
	{
		id: 'apps.refresh',
		keys: ['r'],
		scope: 'apps',
		label: 'refresh',
		description: 'reload the apps, their offline states and policies',
		disabledReason: ctx => (ctx.store ? undefined : 'not connected'),
		run: ctx => void ctx.store?.load('apps'),
	},
];
