import {itemCommand} from '../../actions/itemCommand.js';
import {refreshAction} from '../../actions/screenActions.js';
import type {Action, ActionContext} from '../../actions/types.js';
import {appPolicyRoute, appRoute} from '../../navigation/routes.js';
import {appStateActions} from '../apps/promotion/actions.js';
import {findApp} from './item.js';

// The app item screen: i / t / A set its offline state (A asks for the app's name typed), through the
// promotion route's plan and progress; e opens the form for who may sign in offline (group names or the
// access policy, whichever the gateway takes) and u puts back the policy read before the last change.
// `:app NAME` opens it from anywhere, by name, label or id.

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

// Optional chaining down to getState: presentation tests hand in a store with no state.
const appOf = (ctx: ActionContext) => {
	const state = ctx.store?.state?.getState();
	return state ? findApp(state, ctx.route.params?.id) : undefined;
};

export const appPolicyActions: readonly Action[] = [
	{
		id: 'app.policy.edit',
		keys: ['e'],
		scope: 'app',
		label: 'groups/policy',
		description: "who may sign in offline: edit the group names (gateways before 2026.09.1) or pick the IdP's access policy (from 2026.09.1)",
		mutates: true,
		footer: true,
		disabledReason: ctx => (appOf(ctx) ? undefined : 'the app is not loaded'),
		run: ctx => {
			const entry = appOf(ctx);
			if (entry) ctx.nav.go(appPolicyRoute(entry.app.id));
		},
	},
	{
		id: 'app.policy.undo',
		keys: ['u'],
		scope: 'app',
		label: 'undo policy',
		description: 'put back the offline groups or access policy read before the last change made here to this app',
		mutates: true,
		footer: true,
		disabledReason: ctx => {
			const entry = appOf(ctx);
			return entry && ctx.store?.appPolicy.undoLabel(entry.app.id) ? undefined : 'no policy change of this app to undo';
		},
		run: async ctx => {
			const entry = appOf(ctx);
			if (entry) await ctx.store?.appPolicy.undo(entry.app.id);
		},
	},
];

export const appItemActions: readonly Action[] = [
	...appStateActions,
	...appPolicyActions,
	refreshAction('app', 'apps', 'reload the apps, their offline states and policies'),
];
