import {OagError} from '../api/errors.js';
import type {OagApi} from '../api/OagApi.js';
import type {AccessPolicyRequest} from '../api/schemas/accessPolicies.js';
import {paths} from '../api/schemas/paths.js';
import {readAgainOnLoss, type AppRef} from './appState.js';
import {eraFromError, type EraMemory} from './policyEra.js';
import type {Operation} from './types.js';

// Who may sign in to an app offline. Before the cut-over: the app's group policy (a PUT of group names,
// `Everyone` for all). From it on that PUT answers 405 and an access policy of the app's IdP is assigned
// instead. A 405 or a "not configured" answer teaches the era and says which path to take.

export type GroupPolicySlice = {groups: string[]};
export type AccessPolicySlice = {accessPolicyId: string | null};

export const GROUP_POLICY_OPERATION_ID = 'apps.group-policy';
export const ACCESS_POLICY_OPERATION_ID = 'apps.access-policy';
export const CREATE_ACCESS_POLICY_OPERATION_ID = 'idps.access-policy.create';

const sameGroups = (a: readonly string[], b: readonly string[]): boolean =>
	a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The 405 of a group-policy write, as the admin should read it: what to do instead. */
function groupPolicyRetired(error: OagError): OagError {
	return new OagError(
		'deprecated',
		'this gateway no longer accepts group policies (HTTP 405, gateways from 2026.09.1): assign an offline access policy instead ' +
			'(`oag-offline apps access-policy APP POLICY`, or create one with groups)',
		error.details,
		{cause: error},
	);
}

/** An access-policy call on a gateway that has none yet, as the admin should read it. */
function accessPoliciesMissing(error: OagError): OagError {
	return new OagError(
		'not-found',
		'this gateway has no offline access policies (before 2026.09.1): set the group policy instead (`oag-offline apps groups APP GROUP...`)',
		error.details,
		{cause: error},
	);
}

/** Turns an era-revealing failure into its advice, after telling `memory`. */
function learnFrom(error: unknown, call: 'group-policy-write' | 'access-policy', memory?: EraMemory): unknown {
	const era = eraFromError(error, call);
	if (!era || !(error instanceof OagError)) return error;
	memory?.learn(era);
	return call === 'group-policy-write' ? groupPolicyRetired(error) : accessPoliciesMissing(error);
}

export function groupPolicyOperation(api: Pick<OagApi, 'apps'>, app: AppRef, groups: readonly string[], memory?: EraMemory): Operation<GroupPolicySlice> {
	const shown = app.name ?? app.id;
	const wanted = [...groups];
	const read = () => readAgainOnLoss(async () => ({groups: (await api.apps.getGroupPolicy(app.id)).groups.map(g => g.name)}));
	return {
		id: GROUP_POLICY_OPERATION_ID,
		label: `offline group policy of ${shown} -> ${wanted.join(', ') || '(none)'}`,
		target: {kind: 'app', id: app.id, ...(app.name ? {name: app.name} : {})},
		requested: {groups: wanted},
		request: {method: 'PUT', path: paths.appGroupPolicy(app.id), body: {groups: wanted.map(name => ({name}))}},
		readBefore: read,
		validate: () => (wanted.some(name => name.trim() === '') ? ['a group name is empty'] : []),
		call: async () => {
			try {
				const saved = await api.apps.setGroupPolicy(app.id, wanted);
				memory?.learn('group-policy');
				return saved;
			} catch (error) {
				throw learnFrom(error, 'group-policy-write', memory);
			}
		},
		verify: async () => {
			const after = await read();
			return {after, ...(sameGroups(after.groups, wanted) ? {} : {mismatch: `groups ${after.groups.join(', ') || '(none)'}`})};
		},
		inverse: before => groupPolicyOperation(api, app, before.groups, memory),
	};
}

export function accessPolicyOperation(
	api: Pick<OagApi, 'apps'>,
	app: AppRef,
	policy: {id: string; name?: string},
	memory?: EraMemory,
): Operation<AccessPolicySlice> {
	const shown = app.name ?? app.id;
	const read = async () => {
		try {
			const slice = await readAgainOnLoss(async () => ({accessPolicyId: (await api.apps.getAccessPolicy(app.id)).accessPolicyId}));
			memory?.learn('access-policy');
			return slice;
		} catch (error) {
			throw learnFrom(error, 'access-policy', memory);
		}
	};
	return {
		id: ACCESS_POLICY_OPERATION_ID,
		label: `offline access policy of ${shown} -> ${policy.name ?? policy.id}`,
		target: {kind: 'app', id: app.id, ...(app.name ? {name: app.name} : {})},
		requested: {accessPolicyId: policy.id},
		request: {method: 'PUT', path: paths.appAccessPolicy(app.id), body: {accessPolicyId: policy.id}},
		readBefore: read,
		call: () => api.apps.setAccessPolicy(app.id, policy.id),
		verify: async () => {
			const after = await read();
			return {after, ...(after.accessPolicyId === policy.id ? {} : {mismatch: `access policy ${after.accessPolicyId ?? '(none)'}`})};
		},
		// The API cannot unassign: "none" (the IdP's default policy applies) cannot be put back.
		inverse: before => (before.accessPolicyId ? accessPolicyOperation(api, app, {id: before.accessPolicyId}, memory) : undefined),
	};
}

export type NewAccessPolicySlice = {id: string | null; name: string; groups: string[]};

/** The one-rule, password-only policy that admits `groups`: what the group policy used to say. */
export function passwordPolicyBody(name: string, groups: readonly string[]): AccessPolicyRequest {
	return {
		name,
		rules: [
			{
				name: `${name}: groups with a password`,
				conditions: {groups: {include: groups.map(group => ({name: group}))}},
				actions: {access: 'allow', chains: [{authenticationMethods: [[{key: 'password'}]]}]},
			},
		],
	};
}

const groupsOf = (policy: {rules: unknown[]}): string[] => {
	const include = (policy.rules[0] as {conditions?: {groups?: {include?: Array<{name?: unknown}>}}} | undefined)?.conditions?.groups?.include;
	return (include ?? []).map(g => String(g.name));
};

/**
 * Creates an access policy of `idp` admitting `groups` with a password. Create is not repeatable (a lost
 * answer must not make two), so a name already in use stops it before anything is sent.
 */
export function createAccessPolicyOperation(
	api: Pick<OagApi, 'accessPolicies'>,
	idp: {id: string; name?: string},
	name: string,
	groups: readonly string[],
	memory?: EraMemory,
	onCreated?: (policyId: string) => void,
): Operation<NewAccessPolicySlice> {
	const body = passwordPolicyBody(name, groups);
	let createdId: string | undefined;
	const list = async () => {
		try {
			const policies = await readAgainOnLoss(() => api.accessPolicies.list(idp.id));
			memory?.learn('access-policy');
			return policies;
		} catch (error) {
			throw learnFrom(error, 'access-policy', memory);
		}
	};
	return {
		id: CREATE_ACCESS_POLICY_OPERATION_ID,
		label: `new offline access policy ${name} of ${idp.name ?? idp.id} (${groups.join(', ')})`,
		target: {kind: 'idp', id: idp.id, ...(idp.name ? {name: idp.name} : {})},
		requested: {id: null, name, groups: [...groups]},
		request: {method: 'POST', path: paths.accessPolicies(idp.id), body},
		readBefore: async () => {
			const existing = (await list()).find(p => p.name === name);
			return existing ? {id: existing.id, name, groups: groupsOf(existing)} : {id: null, name, groups: []};
		},
		validate: before => [
			...(before.id ? [`an access policy named ${name} already exists (id ${before.id}): assign it instead`] : []),
			...(groups.length === 0 ? ['give at least one group'] : []),
		],
		call: async () => {
			const created = await api.accessPolicies.create(idp.id, body);
			createdId = created.id;
			onCreated?.(created.id);
			return created;
		},
		verify: async () => {
			const saved = createdId ? await readAgainOnLoss(() => api.accessPolicies.get(idp.id, createdId!)) : undefined;
			const after = {id: saved?.id ?? null, name: saved?.name ?? name, groups: saved ? groupsOf(saved) : []};
			return {after, ...(saved && sameGroups(after.groups, groups) ? {} : {mismatch: saved ? `groups ${after.groups.join(', ')}` : 'no policy'})};
		},
	};
}
