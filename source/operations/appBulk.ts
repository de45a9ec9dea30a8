import type {OagApi} from '../api/OagApi.js';
import {planConfirmationWord, type StatePlan} from '../domain/appPlan.js';
import {appStateOperation, type AppStateSlice} from './appState.js';
import type {BulkItem, BulkResult} from './bulk.js';
import type {Operation} from './types.js';

// A confirmed plan as operations, and a bulk result as one outcome per app: what the command and the
// TUI's incident promotion both show. The plan's read is each operation's `before` (the state the admin
// confirmed), so each app costs one write and one verify.

export type AppOutcome = {
	id: string;
	name: string;
	from?: string;
	to: string;
	/** The runner's outcome, or `not-started` (interrupted, or never reached). */
	outcome: string;
	stage?: string;
	/** The state read back after the write. */
	state?: string;
	error?: string;
};

export type BulkStep = {id: string; name: string; from?: string; to: string};

/** The confirmation the whole plan asks for once: undefined when it needs none (one app to TEST). */
export function planConfirmation(plan: StatePlan): {expected: string; prompt: string} | undefined {
	const word = planConfirmationWord(plan);
	if (word === undefined) return undefined;
	const risky = plan.steps.filter(s => s.risks.length > 0).length;
	const warning = risky > 0 ? ` ${risky} of them with a risk listed in the plan.` : '';
	return {expected: word, prompt: `Set the offline state of ${plan.steps.length} app(s) to ${plan.to}.${warning}`};
}

export function planOperations(api: Pick<OagApi, 'apps'>, plan: StatePlan, batch: string): Operation<AppStateSlice>[] {
	const confirmation = planConfirmation(plan);
	return plan.steps.map(step =>
		appStateOperation(api, {id: step.id, name: step.name}, plan.to, {batch, knownBefore: {state: step.from}, ...(confirmation ? {confirmation} : {})}),
	);
}

function outcomeOf(step: BulkStep, item: BulkItem<AppStateSlice>): AppOutcome {
	const base = {id: step.id, name: step.name, ...(step.from === undefined ? {} : {from: step.from}), to: step.to};
	if (item.state === 'not-started') return {...base, outcome: 'not-started'};
	const o = item.outcome;
	return {
		...base,
		outcome: o.outcome,
		...(o.stage ? {stage: o.stage} : {}),
		...(o.after ? {state: o.after.state} : {}),
		...(o.error ? {error: o.error} : {}),
	};
}

/** One outcome per step, in the plan's order (the bulk result keeps the operations' order). */
export const appOutcomes = (steps: readonly BulkStep[], result: BulkResult<AppStateSlice>): AppOutcome[] =>
	result.items.map((item, i) => outcomeOf(steps[i]!, item));
