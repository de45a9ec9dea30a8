import {itemCommand} from '../../actions/itemCommand.js';
import {refreshAction} from '../../actions/screenActions.js';
import {typedConfirmation} from '../../actions/typedConfirmation.js';
import type {Action, ActionConfirmation, ActionContext} from '../../actions/types.js';
import {directoryRoute, idpPolicyRoute, idpRoute} from '../../navigation/routes.js';
import {findIdp} from './item.js';
import {cycleDirectory, selectedDirectory} from './selection.js';

// The IdP item screen's keys: failover mode (DISABLED typed; AUTOMATIC asks too when the IdP has no
// directory), the health-policy form, and the directories (new from a preset, edit, delete, pick).
// `:idp NAME` opens it from anywhere. Every change goes through the store's operations runner.

export const openIdpCommand: Action = itemCommand({
	command: 'idp',
	noun: 'IdP',
	listScreen: 'idps',
	resource: 'idps',
	items: state => state.idps.items.map(entry => ({id: entry.idp.id, name: entry.idp.name})),
	route: idpRoute,
});

// Optional chaining down to getState: presentation tests hand in a store with no state.
const idpOf = (ctx: ActionContext) => {
	const state = ctx.store?.state?.getState();
	return state ? findIdp(state, ctx.route.params?.id) : undefined;
};
const noIdp = (ctx: ActionContext) => (idpOf(ctx) ? undefined : 'the IdP is not loaded');
const directoryOf = (ctx: ActionContext) => {
	const entry = idpOf(ctx);
	return entry ? selectedDirectory(entry.idp.id, entry.directories ?? []) : undefined;
};
const noDirectory = (ctx: ActionContext) => noIdp(ctx) ?? (directoryOf(ctx) ? undefined : 'this IdP has no directory');

const DELETE: ActionConfirmation = {expected: 'DELETE'};

/**
 * A failover key: sets the IdP's mode through the operations runner, which asks for the mode typed when
 * the change needs it. `alwaysTyped` (DISABLED) declares that up front as a dangerous key; otherwise
 * (AUTOMATIC) the runner asks only when the IdP has no directory.
 */
const failoverAction = (
	mode: 'AUTOMATIC' | 'DISABLED',
	spec: Pick<Action, 'id' | 'keys' | 'description'> & {alwaysTyped: boolean},
): Action => {
	const {alwaysTyped, ...shown} = spec;
	const confirmation: ActionConfirmation = {expected: mode};
	return {
		...shown,
		scope: 'idp',
		label: mode,
		...(alwaysTyped ? {dangerous: true, confirm: confirmation} : {mutates: true}),
		footer: true,
		disabledReason: noIdp,
		run: async ctx => {
			const entry = idpOf(ctx);
			if (ctx.store && entry) await ctx.store.idpOffline.setFailover(entry.idp.id, mode, typedConfirmation(ctx.nav, confirmation));
		},
	};
};

/** A key that opens the new-directory form filled from one preset. */
const newDirectoryAction = (
	preset: 'OPEN_LDAP' | 'ACTIVE_DIRECTORY',
	spec: Pick<Action, 'id' | 'keys' | 'label' | 'description'> & Pick<Partial<Action>, 'footer'>,
): Action => ({
	scope: 'idp',
	disabledReason: noIdp,
	...spec,
	run: ctx => {
		const entry = idpOf(ctx);
		if (entry) ctx.nav.go(directoryRoute(entry.idp.id, undefined, preset));
	},
});

export const idpItemActions: readonly Action[] = [
	failoverAction('AUTOMATIC', {
		id: 'idp.automatic',
		keys: ['a'],
		description: 'set failover to AUTOMATIC (asks you to type AUTOMATIC when the IdP has no directory: offline sign-in would find no users)',
		alwaysTyped: false,
	}),
	failoverAction('DISABLED', {
		id: 'idp.disable',
		keys: ['D'],
		description: 'set failover to DISABLED (asks you to type DISABLED): no offline sign-in while Okta is down',
		alwaysTyped: true,
	}),
	{
		id: 'idp.policy',
		keys: ['p'],
		scope: 'idp',
		label: 'policy',
		description: 'edit the health policy (the rule and the timeline shown as you type)',
		footer: true,
		disabledReason: ctx => noIdp(ctx) ?? (idpOf(ctx)?.healthPolicy ? undefined : 'the health policy is not loaded'),
		run: ctx => {
			const entry = idpOf(ctx);
			if (entry) ctx.nav.go(idpPolicyRoute(entry.idp.id));
		},
	},
	newDirectoryAction('OPEN_LDAP', {
		id: 'idp.directory.new',
		keys: ['n'],
		label: 'new LDAP',
		description: 'new directory from the OpenLDAP preset (all fields editable)',
		footer: true,
	}),
	newDirectoryAction('ACTIVE_DIRECTORY', {
		id: 'idp.directory.newAd',
		keys: ['N'],
		label: 'new AD',
		description: 'new directory from the Active Directory preset (all fields editable)',
	}),
	{
		id: 'idp.directory.next',
		keys: ['tab'],
		scope: 'idp',
		label: 'next directory',
		description: 'select the next directory (e and X act on the selected one)',
		disabledReason: ctx => noIdp(ctx) ?? ((idpOf(ctx)?.directories?.length ?? 0) > 1 ? undefined : 'fewer than two directories'),
		run: ctx => {
			const entry = idpOf(ctx);
			if (entry) cycleDirectory(entry.idp.id, entry.directories ?? []);
		},
	},
	{
		id: 'idp.directory.edit',
		keys: ['e'],
		scope: 'idp',
		label: 'edit dir',
		description: 'edit the selected directory (the bind credential is kept unless retyped; Ctrl+T tests it both ways)',
		footer: true,
		disabledReason: noDirectory,
		run: ctx => {
			const entry = idpOf(ctx);
			const directory = directoryOf(ctx);
			if (entry && directory) ctx.nav.go(directoryRoute(entry.idp.id, directory.id));
		},
	},
	{
		id: 'idp.directory.delete',
		keys: ['X'],
		scope: 'idp',
		label: 'delete dir',
		description: 'delete the selected directory (asks you to type DELETE; cannot be undone: the bind credential is not kept)',
		dangerous: true,
		confirm: DELETE,
		disabledReason: noDirectory,
		run: async ctx => {
			const entry = idpOf(ctx);
			const directory = directoryOf(ctx);
			if (ctx.store && entry && directory) await ctx.store.idpOffline.deleteDirectory(entry.idp.id, directory.id, typedConfirmation(ctx.nav, DELETE));
		},
	},
	refreshAction('idp', 'idps', 'reload the IdPs and their offline-mode settings'),
];
