import type {Route} from '../context.js';
import {accessPolicyRoutes} from './accessPolicies.js';
import {appOfflineModeRoutes} from './appOfflineMode.js';
import {authServiceRoutes} from './authService.js';
import {catalogRoutes} from './catalog.js';
import {directoryRoutes} from './directories.js';
import {idpOfflineModeRoutes} from './idpOfflineMode.js';

/** Every resource route (the token endpoint is handled on its own: no bearer, form body). */
export const resourceRoutes: Route[] = [
	...catalogRoutes,
	...authServiceRoutes,
	...idpOfflineModeRoutes,
	...directoryRoutes,
	...accessPolicyRoutes,
	...appOfflineModeRoutes,
];
