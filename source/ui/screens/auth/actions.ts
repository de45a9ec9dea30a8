import {refreshAction, needsConnection} from '../../actions/screenActions.js';
import {typedConfirmation} from '../../actions/typedConfirmation.js';
import type {Action, ActionContext} from '../../actions/types.js';
import {AUTH_ENABLE_ACTIONS} from './enableForm.js';

// The Authentication service screen's keys: `e` opens the enable form (the change form when it is on),
// `D` disables it after DISABLE is typed (the operation's prompt says offline sign-in stops).

export const DISABLE_AUTH_CONFIRMATION = {expected: 'DISABLE'};

// Read defensively: the help overlay and footer evaluate this with whatever store the context has.
const settingOf = (ctx: ActionContext) => ctx.store?.state?.getState().authService?.setting;

export const authActions: readonly Action[] = [
	{
		id: 'auth.enable',
		keys: ['e'],
		scope: 'auth',
		label: 'enable/change',
		description: 'open the enable form (when enabled: change the settings, which disables then enables)',
		mutates: true,
		footer: true,
		disabledReason: ctx => needsConnection(ctx) ?? (settingOf(ctx) === undefined ? 'the setting is still loading' : undefined),
		run: ctx => ctx.nav.go('authEnable'),
	},
	{
		id: 'auth.disable',
		keys: ['D'],
		scope: 'auth',
		label: 'disable',
		description: 'disable the authentication service: offline sign-in stops (asks you to type DISABLE)',
		dangerous: true,
		confirm: DISABLE_AUTH_CONFIRMATION,
		footer: true,
		disabledReason: ctx => needsConnection(ctx) ?? (settingOf(ctx) ? undefined : 'the authentication service is not enabled'),
		run: async ctx => {
			await ctx.store?.authService.disable(typedConfirmation(ctx.nav, DISABLE_AUTH_CONFIRMATION));
		},
	},
	refreshAction('auth', 'authService', 'reload the setting, the certificates and the health'),
];

export const authEnableActions = AUTH_ENABLE_ACTIONS.all;
