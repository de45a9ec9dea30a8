import type {AppStateValue} from '../../../../api/schemas/apps.js';
import {planConfirmationWord} from '../../../../domain/appPlan.js';
import {typedConfirmation} from '../../../actions/typedConfirmation.js';
import {claimInterrupt} from '../../../interruptClaim.js';
import type {Action, ActionContext, ActionScope} from '../../../actions/types.js';

// Keys of the incident promotion. P (Apps list, dashboard): all apps in TEST -> ACTIVE, or the marked
// rows; the plan opens, then the confirmation bar asks for the word (ACTIVE, or the app's name for one
// app). Enter alone never promotes: an empty or wrong word changes nothing. x stops a run (in-flight
// requests finish), u undoes the last run (asks UNDO). On an app: i / t / A set one app's state.

type Store = NonNullable<ActionContext['store']>;

/** While `body` runs, the first Ctrl+C stops the run (in-flight requests finish) instead of quitting the TUI. */
async function stoppableByCtrlC(store: Store, body: () => Promise<void>): Promise<void> {
	const release = claimInterrupt(() => {
		const phase = store.promotion.state.getState().phase;
		if (phase.kind !== 'running' || phase.interrupting) return false;
		store.promotion.stop();
		return true;
	});
	try {
		await body();
	} finally {
		release();
	}
}

/** Plans, opens the plan and asks for its word; the run and its progress happen on the promotion route. */
async function planAndRun(ctx: ActionContext, plan: () => ReturnType<NonNullable<ActionContext['store']>['promotion']['planAllIn']>): Promise<void> {
	const store = ctx.store;
	if (!store) return;
	// A plan from a list still loading, or from half-read states, would leave apps out: wait for the list
	// and its state reads (the policy reads that follow in the background are not needed for it).
	const unread = () => store.state.getState().apps.items.filter(entry => entry.state === undefined && entry.error === undefined).length;
	const loaded = () => {
		const status = store.state.getState().apps.status.state;
		return (status === 'ready' || status === 'error') && unread() === 0;
	};
	if (!loaded()) {
		ctx.nav.say('Reading the apps and their offline states before planning…', 'info');
		void store.ensure('apps');
		await new Promise<void>(resolve => {
			const unsubscribe = store.state.subscribe(() => {
				if (!loaded()) return;
				unsubscribe();
				resolve();
			});
		});
	}
	const planned = plan();
	if (planned.steps.length === 0) {
		ctx.nav.say(`Nothing to change: ${planned.skipped.length > 0 ? planned.skipped.map(s => `${s.name} (${s.reason})`).slice(0, 3).join(', ') : 'no app in that state'}.`, 'info');
		return;
	}
	ctx.nav.go('promotion');
	const word = planConfirmationWord(planned);
	await stoppableByCtrlC(store, () => store.promotion.run(word === undefined ? async () => true : typedConfirmation(ctx.nav, {expected: word})));
}

const promoteFrom = (scope: ActionScope): Action => ({
	id: `${scope}.promote`,
	keys: ['P'],
	scope,
	label: 'promote',
	description: 'incident promotion: every app in TEST (or the marked rows) to ACTIVE; shows the plan, asks for ACTIVE typed',
	dangerous: true,
	confirm: {expected: 'ACTIVE'},
	footer: scope === 'apps',
	run: ctx =>
		planAndRun(ctx, () => {
			const marks = ctx.list?.marks;
			return scope === 'apps' && marks && marks.size > 0
				? ctx.store!.promotion.planFor([...marks], 'ACTIVE')
				: ctx.store!.promotion.planAllIn('TEST', 'ACTIVE');
		}),
});

const setOne = (key: string, to: AppStateValue): Action => ({
	id: `app.state.${to.toLowerCase()}`,
	keys: [key],
	scope: 'app',
	label: to,
	description: `set this app's offline state to ${to}${to === 'ACTIVE' ? " (asks for the app's name typed)" : ''}`,
	...(to === 'ACTIVE' ? {dangerous: true, confirm: {expected: 'APP_NAME'}} : {mutates: true}),
	footer: true,
	run: ctx => {
		const id = ctx.nav.getState().stack.at(-1)?.params?.id;
		if (id) return planAndRun(ctx, () => ctx.store!.promotion.planFor([id], to));
	},
});

const running = (ctx: ActionContext) => ctx.store?.promotion.state.getState().phase.kind === 'running';

export const promotionActions: readonly Action[] = [
	{
		id: 'promotion.stop',
		keys: ['x'],
		scope: 'promotion',
		label: 'stop',
		description: 'stop the run: nothing new starts, the requests in flight finish, the summary says what was not sent',
		footer: true,
		disabledReason: ctx => (running(ctx) ? undefined : 'nothing is running'),
		run: ctx => ctx.store?.promotion.stop(),
	},
	{
		id: 'promotion.undo',
		keys: ['u'],
		scope: 'promotion',
		label: 'undo',
		description: 'put back the states read before the last run (asks for UNDO typed)',
		dangerous: true,
		confirm: {expected: 'UNDO'},
		footer: true,
		disabledReason: ctx => (ctx.store?.promotion.state.getState().canUndo && !running(ctx) ? undefined : 'no run to undo'),
		run: ctx => {
			const store = ctx.store;
			if (store) return stoppableByCtrlC(store, () => store.promotion.undo(typedConfirmation(ctx.nav, {expected: 'UNDO'})));
		},
	},
];

export const appsPromoteAction = promoteFrom('apps');
export const dashboardPromoteAction = promoteFrom('dashboard');
export const appStateActions: readonly Action[] = [setOne('i', 'INACTIVE'), setOne('t', 'TEST'), setOne('A', 'ACTIVE')];
