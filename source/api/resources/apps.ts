import type {GatewayCaller} from '../gatewayCall.js';
import type {OagApi} from '../OagApi.js';
import {AppAccessPolicy, AppList, AppOfflineState, GroupPolicy} from '../schemas/apps.js';
import {paths} from '../schemas/paths.js';

// Apps, their offline state and their policy (legacy groups, or an access policy on newer gateways).
// Setting the state is a POST that sets a value: safe to repeat, so retried like a PUT.

export function createAppsApi(call: GatewayCaller): OagApi['apps'] {
	return {
		list: () => call.json({method: 'GET', path: paths.apps, retry: 'idempotent'}, AppList),
		getState: (appId) =>
			call.json({method: 'GET', path: paths.appState(appId), retry: 'idempotent'}, AppOfflineState),
		setState: (appId, state) =>
			call.json({method: 'POST', path: paths.appState(appId), body: {state}, retry: 'idempotent'}, AppOfflineState),
		getGroupPolicy: (appId) =>
			call.json({method: 'GET', path: paths.appGroupPolicy(appId), retry: 'idempotent'}, GroupPolicy),
		setGroupPolicy: (appId, groups) =>
			call.json(
				{
					method: 'PUT',
					path: paths.appGroupPolicy(appId),
					body: {groups: groups.map((name) => ({name}))},
					retry: 'idempotent',
				},
				GroupPolicy,
			),
		getAccessPolicy: (appId) =>
			call.json({method: 'GET', path: paths.appAccessPolicy(appId), retry: 'idempotent'}, AppAccessPolicy),
		setAccessPolicy: (appId, accessPolicyId) =>
			call.json(
				{method: 'PUT', path: paths.appAccessPolicy(appId), body: {accessPolicyId}, retry: 'idempotent'},
				AppAccessPolicy,
			),
	};
}
