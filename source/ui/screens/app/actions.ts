import {itemCommand} from '../../actions/itemCommand.js';
import {refreshAction} from '../../actions/screenActions.js';
import type {Action} from '../../actions/types.js';
import {appRoute} from '../../navigation/routes.js';
import {appStateActions} from '../apps/promotion/actions.js';

// The app item screen: i / t / A set its offline state (A asks for the app's name typed), through the
// promotion route's plan and progress. `:app NAME` opens it from anywhere, by name, label or id.

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

export const appItemActions: readonly Action[] = [
	...appStateActions,
	refreshAction('app', 'apps', 'reload the apps, their offline states and policies'),
];
