import type {OagState, ResourceName} from '../../store/state.js';
import {plainText} from '../format/plainText.js';
import {findItem, type NamedItem} from '../lists/findItem.js';
import type {Route, ScreenId} from '../navigation/routes.js';
import {needsConnection} from './screenActions.js';
import type {Action} from './types.js';

// `:idp NAME`, `:app NAME`: open one item by id or name from anywhere; Tab completes the names.

export type ItemCommandSpec = {
	command: string;
	/** "IdP", "app": in messages. */
	noun: string;
	/** The list screen whose selected row `:idp` without a name opens. */
	listScreen: ScreenId;
	/** The store resource the items come from (loaded when still idle). */
	resource: Extract<ResourceName, 'idps' | 'apps'>;
	items: (state: OagState) => NamedItem[];
	route: (id: string) => Route;
};

const MAX_LISTED = 5;

export function itemCommand(spec: ItemCommandSpec): Action {
	// Names as shown (control characters neutralised), computed once per list of items: the `:` bar asks
	// for completions on every key, and a gateway may have thousands of apps.
	let cache: {source: unknown; items: NamedItem[]; names: string[]} | undefined;
	const named = (state: OagState) => {
		const source = state[spec.resource].items;
		if (cache?.source !== source) {
			const items = spec.items(state).map(item => ({...item, name: plainText(item.name), otherNames: item.otherNames?.map(plainText)}));
			cache = {source, items, names: [...new Set(items.map(item => item.name))].sort()};
		}
		return cache;
	};
	return {
		id: `open.${spec.command}`,
		keys: [],
		scope: 'global',
		label: `open ${spec.noun}`,
		description: `open one ${spec.noun} by name or id (:${spec.command} NAME; Tab completes)`,
		command: spec.command,
		disabledReason: needsConnection,
		completeArgument: ctx => {
			const state = ctx.store?.state.getState();
			return state ? named(state).names : [];
		},
		run: (ctx, query) => {
			const state = ctx.store?.state.getState();
			if (!state) return;
			if (!query) {
				if (ctx.screen === spec.listScreen && ctx.list?.selectedId) ctx.nav.go(spec.route(ctx.list.selectedId));
				else ctx.nav.say(`Which ${spec.noun}? :${spec.command} NAME or id (Tab completes).`, 'info');
				return;
			}
			const lookup = findItem(named(state).items, query);
			if ('found' in lookup) ctx.nav.go(spec.route(lookup.found.id));
			else if ('candidates' in lookup) {
				const listed = lookup.candidates.slice(0, MAX_LISTED).map(item => `${item.name} (${plainText(item.id)})`);
				const more = lookup.candidates.length > MAX_LISTED ? ` and ${lookup.candidates.length - MAX_LISTED} more` : '';
				ctx.nav.say(`${lookup.candidates.length} ${spec.noun}s match "${plainText(query)}": ${listed.join(', ')}${more}. Type more, or the id.`, 'error');
			} else {
				const status = state[spec.resource].status.state;
				if (status === 'idle') void ctx.store?.load(spec.resource);
				const loading = status === 'idle' || status === 'loading';
				ctx.nav.say(`No ${spec.noun} named "${plainText(query)}"${loading ? ' (still loading; try again in a moment)' : ''}.`, 'error');
			}
		},
	};
}
