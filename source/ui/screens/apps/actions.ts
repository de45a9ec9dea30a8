import {refreshAction} from '../../actions/screenActions.js';
import type {Action} from '../../actions/types.js';

// Changing app states (with typed confirmation for ACTIVE) and bulk promotion come with the apps issue.
export const appActions: readonly Action[] = [
	refreshAction('apps', 'apps', 'reload the apps, their offline states and policies'),
];
