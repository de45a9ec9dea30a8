import type {AppStateValue} from '../api/schemas/apps.js';
import {isNoop, needsConfirmation, stateChangeRisks, type AppPolicyView} from './appState.js';
import type {PolicyEra} from './gatewayVersion.js';

// A bulk state change as a plan the admin reads before typing the confirmation: one line per app
// (from -> to), the apps left out and why. Pure: the caller reads the states, this decides.

export type PlanInput = {
	id: string;
	name: string;
	/** The state as read; undefined when the read failed (the app is left out, never guessed). */
	state?: string;
	policy?: AppPolicyView;
};

export type PlanStep = {id: string; name: string; from: AppStateValue; to: AppStateValue; risks: string[]};

export type PlanSkip = {id: string; name: string; reason: string};

export type StatePlan = {to: AppStateValue; steps: PlanStep[]; skipped: PlanSkip[]};

const KNOWN = new Set<string>(['INACTIVE', 'TEST', 'ACTIVE']);
const isKnownState = (state: string | undefined): state is AppStateValue => state !== undefined && KNOWN.has(state);

/**
 * The plan to move `apps` to `to`. With `onlyFrom` (e.g. "all apps in TEST"), apps in another state are
 * not part of the change and are not listed; apps already in `to` and apps whose state is unknown are
 * listed as skipped, so the admin sees every app that was asked for.
 */
export function planStateChange(
	apps: readonly PlanInput[],
	to: AppStateValue,
	options: {onlyFrom?: AppStateValue; era?: PolicyEra} = {},
): StatePlan {
	const steps: PlanStep[] = [];
	const skipped: PlanSkip[] = [];
	for (const app of apps) {
		if (!isKnownState(app.state)) {
			if (options.onlyFrom === undefined || app.state === undefined) {
				skipped.push({id: app.id, name: app.name, reason: app.state === undefined ? 'state could not be read' : `unknown state ${app.state}`});
			}
			continue;
		}
		if (options.onlyFrom !== undefined && app.state !== options.onlyFrom) continue;
		const change = {from: app.state, to};
		if (isNoop(change)) {
			skipped.push({id: app.id, name: app.name, reason: `already ${to}`});
			continue;
		}
		steps.push({id: app.id, name: app.name, ...change, risks: stateChangeRisks(change, app.policy, options.era)});
	}
	return {to, steps, skipped};
}

/**
 * The word the admin types to confirm a plan, or undefined when it needs none. One app going to ACTIVE:
 * its name (the guide's last step, per app). Several apps: the target state, whatever it is, since a
 * bulk change is never a keystroke away.
 */
export function planConfirmationWord(plan: StatePlan): string | undefined {
	if (plan.steps.length === 0) return undefined;
	if (plan.steps.length === 1) {
		const [step] = plan.steps;
		return needsConfirmation(step!) ? step!.name : undefined;
	}
	return plan.to;
}

/** State counts for a header: {INACTIVE: 3, TEST: 2, ACTIVE: 7, unknown: 1}. */
export function stateCounts(apps: ReadonlyArray<{state?: string}>): Record<AppStateValue | 'unknown', number> {
	const counts = {INACTIVE: 0, TEST: 0, ACTIVE: 0, unknown: 0};
	for (const app of apps) {
		if (isKnownState(app.state)) counts[app.state]++;
		else counts.unknown++;
	}
	return counts;
}
