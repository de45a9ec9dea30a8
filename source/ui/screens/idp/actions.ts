import {itemCommand} from '../../actions/itemCommand.js';
import {refreshAction} from '../../actions/screenActions.js';
import type {Action} from '../../actions/types.js';
import {idpRoute} from '../../navigation/routes.js';

// The IdP item screen is read-only for now: the failover and health-policy forms and the directories
// come with the IdP issue. `:idp NAME` opens it from anywhere.

export const openIdpCommand: Action = itemCommand({
	command: 'idp',
	noun: 'IdP',
	listScreen: 'idps',
	resource: 'idps',
	items: state => state.idps.items.map(entry => ({id: entry.idp.id, name: entry.idp.name})),
	route: idpRoute,
});

export const idpItemActions: readonly Action[] = [refreshAction('idp', 'idps', 'reload the IdPs and their offline-mode settings')];
