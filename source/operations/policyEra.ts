import {isOagError} from '../api/errors.js';
import type {OagApi} from '../api/OagApi.js';
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

export const noEraMemory = (): EraMemory & {learned: PolicyEra[]} => {
	const learned: PolicyEra[] = [];
	return {known: () => learned.at(-1), learn: era => learned.push(era), learned};
};

/** The era a failed policy call reveals: a 405 on the group-policy write, a "not configured" access-policy read. */
export function eraFromError(error: unknown, call: 'group-policy-write' | 'access-policy'): PolicyEra | undefined {
	if (!isOagError(error)) return undefined;
	if (call === 'group-policy-write' && error.kind === 'deprecated') return 'access-policy';
	if (call === 'access-policy' && error.kind === 'not-found') return 'group-policy';
	return undefined;
}

/**
 * The era from one read of an existing app's access policy: an answer means access policies, a 404
 * ("not configured") means the group policy. Anything else (a network error) leaves it unknown.
 */
export async function detectPolicyEra(api: Pick<OagApi, 'apps'>, appId: string, memory?: EraMemory): Promise<PolicyEra | undefined> {
	const remembered = memory?.known();
	if (remembered) return remembered;
	let era: PolicyEra | undefined;
	try {
		await api.apps.getAccessPolicy(appId);
		era = 'access-policy';
	} catch (error) {
		era = eraFromError(error, 'access-policy');
	}
	if (era) memory?.learn(era);
	return era;
}
