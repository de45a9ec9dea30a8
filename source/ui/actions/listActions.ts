import type {Action, ActionContext, ListContext} from './types.js';

// Moving, paging, marking and sorting on every list screen (k9s/less keys). They act on the current
// route's list state, through ctx.list, which the shell fills from the screen's memoised rows.

const NO_LIST = 'this screen has no list';

export const notOnList = (ctx: Pick<ActionContext, 'list'>): string | undefined => (ctx.list ? undefined : NO_LIST);

const notMarkable = (ctx: Pick<ActionContext, 'list'>): string | undefined =>
	!ctx.list ? NO_LIST : ctx.list.markable ? undefined : 'rows of this list cannot be marked';

const halfPage = (ctx: ActionContext) => Math.max(1, Math.floor(ctx.nav.getState().pageSize / 2));

function listAction(id: string, keys: string[], label: string, description: string, run: (list: ListContext, ctx: ActionContext) => void): Action {
	return {
		id,
		keys,
		scope: 'global',
		label,
		description,
		disabledReason: notOnList,
		run: ctx => {
			if (ctx.list) run(ctx.list, ctx);
		},
	};
}

export const listActions: readonly Action[] = [
	listAction('cursor.down', ['down', 'j'], 'down', 'next row', (list, ctx) => ctx.nav.moveCursor(list.key, 1, list.rows)),
	listAction('cursor.up', ['up', 'k'], 'up', 'previous row', (list, ctx) => ctx.nav.moveCursor(list.key, -1, list.rows)),
	listAction('cursor.first', ['g', 'home'], 'first', 'first row', (list, ctx) => ctx.nav.setCursor(list.key, 0, list.rows)),
	listAction('cursor.last', ['G', 'end'], 'last', 'last row', (list, ctx) => ctx.nav.setCursor(list.key, list.count - 1, list.rows)),
	listAction('page.down', ['pagedown'], 'page down', 'one page down', (list, ctx) =>
		ctx.nav.moveCursor(list.key, ctx.nav.getState().pageSize, list.rows),
	),
	listAction('page.up', ['pageup'], 'page up', 'one page up', (list, ctx) =>
		ctx.nav.moveCursor(list.key, -ctx.nav.getState().pageSize, list.rows),
	),
	listAction('page.halfDown', ['ctrl+d'], 'half page down', 'half a page down', (list, ctx) => ctx.nav.moveCursor(list.key, halfPage(ctx), list.rows)),
	listAction('page.halfUp', ['ctrl+u'], 'half page up', 'half a page up', (list, ctx) => ctx.nav.moveCursor(list.key, -halfPage(ctx), list.rows)),
	{
		...listAction('mark.toggle', [' '], 'mark', 'mark or unmark the selected row, then go to the next', (list, ctx) => {
			if (!list.selectedId) return;
			ctx.nav.toggleMark(list.key, list.selectedId);
			ctx.nav.moveCursor(list.key, 1, list.rows);
		}),
		disabledReason: notMarkable,
	},
	{
		...listAction('mark.all', ['*', 'ctrl+a'], 'mark all', 'mark every row the filter shows', (list, ctx) =>
			ctx.nav.markAll(
				list.key,
				list.rows.map(r => r.id),
			),
		),
		disabledReason: notMarkable,
	},
	{
		...listAction('mark.clear', ['U'], 'clear marks', 'unmark every row (hidden ones too)', (list, ctx) => ctx.nav.clearMarks(list.key)),
		disabledReason: notMarkable,
	},
	listAction('sort.next', ['s'], 'sort', 'sort by the next column (then back to the gateway order)', (list, ctx) =>
		ctx.nav.cycleSort(list.key, list.sortColumns),
	),
	listAction('sort.reverse', ['S'], 'reverse sort', 'reverse the sort order', (list, ctx) => ctx.nav.reverseSort(list.key, list.sortColumns)),
];
