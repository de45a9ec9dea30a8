import {itemCommand} from '../../actions/itemCommand.js';
import {refreshAction} from '../../actions/screenActions.js';
import type {Action} from '../../actions/types.js';
import {appRoute} from '../../navigation/routes.js';

// The app item screen is read-only for now: state changes and the policy forms come with the apps
// issue. `:app NAME` opens it from anywhere, by name, label or id.

export const openAppCommand: Action = itemCommand({
	command: 'app',
	noun: 'app',
	listScreen: 'apps',
	resource: 'apps',
	items: state =>
		state.apps.items.map(entry => ({
			id: entry.app.id,
			name: entry.app.label ?? entry.app.name,
			otherNames: entry.app.label ? [entry.app.name] : [],
		})),
	route: appRoute,
});

export const appItemActions: readonly Action[] = [refreshAction('app', 'apps', 'reload the apps, their offline states and policies')];
