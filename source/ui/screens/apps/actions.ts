import {openSelectedAction} from '../../actions/openSelected.js';
import {refreshAction} from '../../actions/screenActions.js';
import type {Action} from '../../actions/types.js';
import {appRoute} from '../../navigation/routes.js';
import {appsPromoteAction} from './promotion/actions.js';

// Enter opens an app (its state keys live there); P is the incident promotion (promotion/actions.ts).
export const appActions: readonly Action[] = [
	openSelectedAction('apps', 'app', appRoute),
	appsPromoteAction,
	refreshAction('apps', 'apps', 'reload the apps, their offline states and policies'),
];
