import type {StoreApi} from 'zustand/vanilla';
import type {OagApi} from '../api/OagApi.js';
import {accessPolicyOperation, groupPolicyOperation, type AccessPolicySlice, type GroupPolicySlice} from '../operations/appPolicy.js';
import type {EraMemory} from '../operations/policyEra.js';
import type {OperationRunner} from '../operations/runner.js';
import type {Operation, OperationOutcome} from '../operations/types.js';
import type {OagState, Toast} from './state.js';

// Who may sign in to an app offline, changed from the TUI: the same operations as `apps groups` and
// `apps access-policy` (read before, verify, one audit line, an undo built from the value before), run by
// the store's one runner. The app's entry takes what the gateway read back, so every screen shows it at
// once; a 405 or a "not configured" answer teaches the store the gateway's policy era.

type PolicySlice = GroupPolicySlice | AccessPolicySlice;

export type AppPolicyActions = {
	setGroups(appId: string, groups: readonly string[]): Promise<OperationOutcome<GroupPolicySlice>>;
	setAccessPolicy(appId: string, policy: {id: string; name?: string}): Promise<OperationOutcome<AccessPolicySlice>>;
	/** What `undo(appId)` would do, while the last change made here to this app's policy can be put back. */
	undoLabel(appId: string): string | undefined;
	/** Puts back the policy read before the last change made here (a change of its own, audited). */
	undo(appId: string): Promise<OperationOutcome<PolicySlice> | undefined>;
};

type Deps = {
	api: Pick<OagApi, 'apps'>;
	state: StoreApi<OagState>;
	operations: OperationRunner;
	notify(text: string, tone?: Toast['tone']): void;
	/** The apps slice takes what a save read back (and drops older reads of that app's policy still to answer). */
	policySaved(appId: string, policy: PolicySlice): void;
};

export function createAppPolicyActions(deps: Deps): AppPolicyActions {
	const {api, state, operations, notify, policySaved} = deps;
	const undos = new Map<string, Operation<PolicySlice>>();

	// The TUI keeps the era in the store only (the commands keep it in the profile).
	const era: EraMemory = {
		known: () => state.getState().policyEra,
		learn: learned => {
			if (state.getState().policyEra !== learned) state.setState({policyEra: learned});
		},
	};
	const refOf = (appId: string) => {
		const app = state.getState().apps.items.find(e => e.app.id === appId)?.app;
		return {id: appId, ...(app ? {name: app.name} : {})};
	};
	const run = async <S extends PolicySlice>(appId: string, op: Operation<S>): Promise<OperationOutcome<S>> => {
		const outcome = await operations.run(op);
		// What the gateway read back after the write (also on a mismatch): that is what the app has now.
		if (outcome.after !== undefined) policySaved(appId, outcome.after);
		if (outcome.undo) undos.set(appId, outcome.undo as unknown as Operation<PolicySlice>);
		notify(outcome.message, outcome.ok ? 'ok' : 'error');
		return outcome;
	};

	return {
		setGroups: (appId, groups) => run(appId, groupPolicyOperation(api, refOf(appId), groups, era)),
		setAccessPolicy: (appId, policy) => run(appId, accessPolicyOperation(api, refOf(appId), policy, era)),
		undoLabel: appId => undos.get(appId)?.label,
		async undo(appId) {
			const op = undos.get(appId);
			if (!op) return undefined;
			const outcome = await run(appId, op);
			// Sent: undoing the undo is not offered (a new change would be). Not sent: it can be tried again.
			if (outcome.undo) undos.delete(appId);
			else undos.set(appId, op);
			return outcome;
		},
	};
}
