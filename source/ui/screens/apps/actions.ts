import {openSelectedAction} from '../../actions/openSelected.js';
import {refreshAction} from '../../actions/screenActions.js';
import type {Action} from '../../actions/types.js';
import {appRoute} from '../../navigation/routes.js';

// Changing app states (with typed confirmation for ACTIVE) and bulk promotion come with the apps issue.
export const appActions: readonly Action[] = [
	openSelectedAction('apps', 'app', appRoute),
	refreshAction('apps', 'apps', 'reload the apps, their offline states and policies'),
];
