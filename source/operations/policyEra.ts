import {isOagError} from '../api/errors.js';
import type {PolicyEra} from '../domain/gatewayVersion.js';

// Which of the two ways to say "who may sign in offline" the gateway speaks: the legacy group policy
// (before the cut-over) or access policies (from it on). Learned from reads (the access-policy read
// answers only from the cut-over on) and from a write (the group-policy PUT answers 405 from it on).
// Remembering it is the caller's business (a profile field): operations do not touch the config.

export type EraMemory = {
	/** What was remembered for this gateway, if anything. */
	known(): PolicyEra | undefined;
	/** Called when a read or a write showed the era; the caller stores it (best effort). */
	learn(era: PolicyEra): void;
};

/** The era a failed policy call reveals: a 405 on the group-policy write, a "not configured" access-policy read. */
export function eraFromError(error: unknown, call: 'group-policy-write' | 'access-policy'): PolicyEra | undefined {
	if (!isOagError(error)) return undefined;
	if (call === 'group-policy-write' && error.kind === 'deprecated') return 'access-policy';
	if (call === 'access-policy' && error.kind === 'not-found') return 'group-policy';
	return undefined;
}
