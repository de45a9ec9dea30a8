import type {AppStateValue} from '../api/schemas/apps.js';

// The guide's flow is INACTIVE -> TEST -> ACTIVE. The API accepts any state from any state; the tool
// treats a jump that skips TEST, and any move to ACTIVE, as needing a typed confirmation.

export type StateChange = {from: AppStateValue; to: AppStateValue};

export const isNoop = (c: StateChange): boolean => c.from === c.to;

export const needsConfirmation = (c: StateChange): boolean => !isNoop(c) && c.to === 'ACTIVE';

export const skipsTest = (c: StateChange): boolean => c.from === 'INACTIVE' && c.to === 'ACTIVE';

export function describeStateChange(c: StateChange): string {
	if (isNoop(c)) return `already ${c.to}`;
	if (skipsTest(c)) return `${c.from} -> ${c.to} (skips TEST: users sign in offline without a trial)`;
	return `${c.from} -> ${c.to}`;
}
