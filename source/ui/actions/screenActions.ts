import type {ResourceName} from '../../store/state.js';
import type {Action, ActionContext, ScreenId} from './types.js';

// Pieces the screens' action lists share.

export const needsConnection = (ctx: Pick<ActionContext, 'store'>): string | undefined =>
	ctx.store ? undefined : 'not connected';

/** `r` on a list screen: reload that screen's resource (the global `r` reloads everything). */
export function refreshAction(scope: ScreenId, resource: ResourceName, description: string): Action {
	return {
		id: `${scope}.refresh`,
		keys: ['r'],
		scope,
		label: 'refresh',
		description,
		disabledReason: needsConnection,
		run: ctx => void ctx.store?.load(resource),
	};
}
