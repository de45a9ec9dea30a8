import type {Route, ScreenId} from '../navigation/routes.js';
import type {Action} from './types.js';

/** Enter on a resource list: open the selected item's own screen. */
export function openSelectedAction(scope: ScreenId, noun: string, route: (id: string) => Route): Action {
	return {
		id: `${scope}.open`,
		keys: ['enter'],
		scope,
		label: 'open',
		description: `open the selected ${noun}`,
		footer: true,
		disabledReason: ctx => (ctx.list?.selectedId ? undefined : `no ${noun} selected`),
		run: ctx => {
			if (ctx.list?.selectedId) ctx.nav.go(route(ctx.list.selectedId));
		},
	};
}
