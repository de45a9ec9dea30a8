import type {OagApi} from '../api/OagApi.js';
import type {FailoverModeValue} from '../api/schemas/idps.js';
import {failoverOperation, type FailoverState} from './failover.js';
import type {Operation} from './types.js';

// Failover AUTOMATIC on an IdP without a directory is allowed by the gateway but useless: when Okta is
// down, offline sign-in looks for users in the IdP's directories and finds none. The failover operation
// then asks to be confirmed, with that warning, like DISABLED does (issue: "warns ..., and asks").

export const noDirectoryWarning = (idpName: string): string =>
	`${idpName} has no offline directory: with failover AUTOMATIC, offline sign-in will find no users. Add one with \`directories create\` (or the IdP screen).`;

/** The failover operation, with a confirmation when AUTOMATIC meets an IdP that has no directory. */
export async function adviseFailover(
	api: Pick<OagApi, 'idps' | 'directories'>,
	idp: {id: string; name?: string},
	mode: FailoverModeValue,
): Promise<{operation: Operation<FailoverState>; warning?: string}> {
	const operation = failoverOperation(api, idp, mode);
	if (mode !== 'AUTOMATIC') return {operation};
	const directories = await api.directories.list(idp.id);
	if (directories.length > 0) return {operation};
	const warning = noDirectoryWarning(idp.name ?? idp.id);
	return {operation: {...operation, confirmation: {expected: 'AUTOMATIC', prompt: warning}}, warning};
}
