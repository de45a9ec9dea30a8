import {FailoverModeValue} from '../../../api/schemas/idps.js';
import type {OagStore} from '../../../store/createOagStore.js';
import type {FailoverState} from '../../../operations/failover.js';
import type {OperationOutcome} from '../../../operations/types.js';

// The last failover change made from this TUI per store, so `u` can put the value before back.
// The runner builds the inverse from the value it read before the change; `u` runs it as a change of its own.

const lastUndo = new WeakMap<OagStore, {idpId: string; mode: FailoverModeValue; label: string}>();

export function rememberUndo(store: OagStore, outcome: OperationOutcome<FailoverState>): void {
	const mode = FailoverModeValue.safeParse(outcome.undo?.requested.mode);
	if (outcome.undo && mode.success) lastUndo.set(store, {idpId: outcome.undo.target.id, mode: mode.data, label: outcome.undo.label});
}

export const undoFor = (store: OagStore | undefined) => (store ? lastUndo.get(store) : undefined);

export const forgetUndo = (store: OagStore) => lastUndo.delete(store);
