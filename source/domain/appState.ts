import type {AppStateValue} from '../api/schemas/apps.js';
import type {PolicyEra} from './gatewayVersion.js';

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

/**
 * Who may sign in offline, as far as the reads told: the legacy groups, or the assigned access policy.
 * undefined fields mean "not read" (the other era's read, or a failed one), not "none".
 */
export type AppPolicyView = {groups?: readonly string[]; accessPolicyId?: string | null};

/** The app has nobody allowed offline: no group in the legacy policy (the access-policy era always has one). */
export function lacksPolicy(policy: AppPolicyView, era: PolicyEra | undefined): boolean {
	if (era === 'access-policy') return false; // no assignment = the IdP's default policy (password, Everyone)
	return policy.groups !== undefined && policy.groups.length === 0;
}

/**
 * Why a move is risky, one sentence each, for the confirmation screen and stderr. ACTIVE means the
 * offline configuration takes over as soon as Okta is unreachable, so what was never tried, or allows
 * nobody, locks users out exactly when they need the gateway most.
 */
export function stateChangeRisks(c: StateChange, policy: AppPolicyView = {}, era?: PolicyEra): string[] {
	if (isNoop(c) || c.to !== 'ACTIVE') return [];
	const risks: string[] = [];
	if (skipsTest(c)) {
		risks.push('It skips TEST: the offline sign-in of this app was never tried while Okta was still reachable.');
	}
	if (lacksPolicy(policy, era)) {
		risks.push('It has no offline group policy: nobody can sign in to it while Okta is unreachable.');
	}
	if (era === 'access-policy' && policy.accessPolicyId === null) {
		risks.push("No access policy is assigned: the IdP's default policy (password, everyone) applies offline.");
	}
	return risks;
}
