import {globalActions} from '../actions/globalActions.js';
import {listActions} from '../actions/listActions.js';
import type {Action} from '../actions/types.js';
import type {ScreenId} from '../navigation/routes.js';
import {appItemActions, openAppCommand} from './app/actions.js';
import {AppView} from './app/AppView.js';
import {appPolicyTitle, appTitle} from './app/item.js';
import {AppPolicyView} from './app/policy/AppPolicyView.js';
import {APP_POLICY_ACTIONS} from './app/policy/formActions.js';
import {policyFormCapturesText} from './app/policy/policyRead.js';
import {appActions} from './apps/actions.js';
import {AppsView} from './apps/AppsView.js';
import {promotionActions} from './apps/promotion/actions.js';
import {PromotionScreen} from './apps/promotion/PromotionScreen.js';
import {appList} from './apps/rows.js';
import {auditActions} from './audit/actions.js';
import {AuditView} from './audit/AuditView.js';
import {auditList} from './audit/rows.js';
import {authActions, authEnableActions} from './auth/actions.js';
import {AuthView} from './auth/AuthView.js';
import {EnableView} from './auth/EnableView.js';
import {dashboardActions} from './dashboard/actions.js';
import {DashboardView} from './dashboard/DashboardView.js';
import {dashboardList} from './dashboard/rows.js';
import {healthActions} from './health/actions.js';
import {HealthView} from './health/HealthView.js';
import {idpItemActions, openIdpCommand} from './idp/actions.js';
import {IdpView} from './idp/IdpView.js';
import {DirectoryView} from './idp/DirectoryView.js';
import {DIRECTORY_FORM_ACTIONS, POLICY_FORM_ACTIONS} from './idp/formActions.js';
import {HealthPolicyView} from './idp/HealthPolicyView.js';
import {directoryTitle, idpTitle, policyTitle} from './idp/item.js';
import {idpActions} from './idps/actions.js';
import {IdpsView} from './idps/IdpsView.js';
import {idpList} from './idps/rows.js';
import {SETUP_ACTIONS} from './setup/setupActions.js';
import {SetupView} from './setup/SetupView.js';
import {UNLOCK_ACTIONS} from './unlock/unlockForm.js';
import {UnlockView} from './unlock/UnlockView.js';
import type {ScreenDefinition} from './types.js';

// The screen registry: one entry per screen. Later issues replace or add entries here (the auth-service
// form, directories, Profiles) and their actions join the one registry below.

export const SCREENS: Record<ScreenId, ScreenDefinition> = {
	setup: {id: 'setup', title: 'Setup', View: SetupView, actions: SETUP_ACTIONS.all, needsStore: false, capturesText: true},
	unlock: {id: 'unlock', title: 'Unlock', View: UnlockView, actions: UNLOCK_ACTIONS.all, needsStore: false, capturesText: true},
	dashboard: {id: 'dashboard', title: 'Dashboard', View: DashboardView, actions: dashboardActions, needsStore: true, list: dashboardList},
	health: {id: 'health', title: 'Health', View: HealthView, actions: healthActions, needsStore: true},
	auth: {id: 'auth', title: 'Authentication service', View: AuthView, actions: authActions, needsStore: true},
	authEnable: {id: 'authEnable', title: 'Enable', View: EnableView, actions: authEnableActions, needsStore: true, parent: 'auth', capturesText: true},
	idps: {id: 'idps', title: 'IdPs', View: IdpsView, actions: idpActions, needsStore: true, list: idpList},
	idp: {id: 'idp', title: 'IdP', View: IdpView, actions: idpItemActions, needsStore: true, parent: 'idps', itemTitle: idpTitle},
	idpPolicy: {
		id: 'idpPolicy',
		title: 'Health policy',
		View: HealthPolicyView,
		actions: POLICY_FORM_ACTIONS.all,
		needsStore: true,
		parent: 'idp',
		itemTitle: policyTitle,
		capturesText: true,
	},
	directory: {
		id: 'directory',
		title: 'Directory',
		View: DirectoryView,
		actions: DIRECTORY_FORM_ACTIONS.all,
		needsStore: true,
		parent: 'idp',
		itemTitle: directoryTitle,
		capturesText: true,
	},
	apps: {id: 'apps', title: 'Apps', View: AppsView, actions: appActions, needsStore: true, list: appList},
	app: {id: 'app', title: 'App', View: AppView, actions: appItemActions, needsStore: true, parent: 'apps', itemTitle: appTitle},
	appPolicy: {
		id: 'appPolicy',
		title: 'Offline policy',
		View: AppPolicyView,
		actions: APP_POLICY_ACTIONS,
		needsStore: true,
		parent: 'app',
		itemTitle: appPolicyTitle,
		capturesText: policyFormCapturesText,
	},
	promotion: {id: 'promotion', title: 'Promotion', View: PromotionScreen, actions: promotionActions, needsStore: true, parent: 'apps'},
	audit: {id: 'audit', title: 'Audit log', View: AuditView, actions: auditActions, needsStore: true, list: auditList},
};

/** Every action of the program: the one list that keys, commands, footer, help and read-only come from. */
export const ALL_ACTIONS: readonly Action[] = [
	...globalActions,
	...listActions,
	openIdpCommand,
	openAppCommand,
	...Object.values(SCREENS).flatMap(s => s.actions),
];
