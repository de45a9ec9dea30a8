import {randomBytes} from 'node:crypto';
import type {OagApi} from '../api/OagApi.js';
import type {App} from '../api/schemas/apps.js';
import {loadProfiles, pickProfile, updateProfiles} from '../config/profiles.js';
import type {PlanInput} from '../domain/appPlan.js';
import type {PolicyEra} from '../domain/gatewayVersion.js';
import {readAgainOnLoss} from '../operations/appState.js';
import {DEFAULT_CONCURRENCY} from '../operations/bulk.js';
import {eraFromError, type EraMemory} from '../operations/policyEra.js';
import type {OperationRunner} from '../operations/runner.js';
import {mapLimit, settle} from '../store/mapLimit.js';
import type {CommandContext} from './context.js';
import type {Gateway} from './gateway.js';
import {commandRunner} from './operationCommand.js';

// What the `apps` commands share: the gateway opened with the bulk's concurrency, the runner that writes
// this machine's audit log, the era remembered in the profile, and the states read one GET per app.

/** The era memory of a profile; flush() waits for a pending write (the process may end right after). */
export type ProfileEraMemory = EraMemory & {flush(): Promise<void>};

export type AppsGateway = {gateway: Gateway; runner: OperationRunner; era: ProfileEraMemory; concurrency: number};

export async function openAppsGateway(ctx: CommandContext, concurrency = DEFAULT_CONCURRENCY): Promise<AppsGateway> {
	const connection = await ctx.connection();
	// The client's own cap must not be tighter than the bulk's, or --concurrency would be a lie.
	const gateway = await ctx.openGateway(connection, {client: {concurrency}});
	return {gateway, runner: commandRunner(gateway), era: await profileEraMemory(connection.profileName), concurrency};
}

/** The era remembered in the profile; a newly learned one is written back once (best effort). */
export async function profileEraMemory(profileName: string | undefined): Promise<ProfileEraMemory> {
	let current: PolicyEra | undefined;
	if (profileName) {
		try {
			current = pickProfile(await loadProfiles(), profileName)?.profile.policyEra;
		} catch {
			current = undefined; // the connection already read the file; an era is only an optimisation
		}
	}
	let saving: Promise<unknown> = Promise.resolve();
	return {
		known: () => current,
		learn: era => {
			if (era === current) return;
			current = era;
			if (!profileName) return;
			saving = saving.then(() =>
				updateProfiles(data => {
					const profile = data.profiles[profileName];
					if (profile) profile.policyEra = era;
				}).catch(() => undefined),
			);
		},
		flush: async () => {
			await saving;
		},
	};
}

/** Each app's offline state, one GET each under the cap; a read that fails leaves the state undefined. */
export async function readStates(api: Pick<OagApi, 'apps'>, apps: readonly App[], concurrency: number): Promise<PlanInput[]> {
	return mapLimit(apps, concurrency, async app => {
		const read = await settle(readAgainOnLoss(() => api.apps.getState(app.id)));
		return {id: app.id, name: app.name, ...(read.value ? {state: read.value.state} : {})};
	});
}

/** Above this many apps a plan does not read each app's policy: the states alone show what moves. */
export const POLICY_READ_LIMIT = 20;

/**
 * Adds who may sign in offline to each input, so the plan can say "nobody can sign in" before an app goes
 * ACTIVE. Reads both policies where the era is unknown; a failed read leaves that part unknown.
 */
export async function withPolicies(api: Pick<OagApi, 'apps'>, inputs: PlanInput[], era: EraMemory, concurrency: number): Promise<PlanInput[]> {
	return mapLimit(inputs, concurrency, async input => {
		const known = era.known();
		const notRead = {value: undefined, error: undefined};
		const [groups, access] = await Promise.all([
			known === 'access-policy' ? notRead : settle(api.apps.getGroupPolicy(input.id)),
			known === 'group-policy' ? notRead : settle(api.apps.getAccessPolicy(input.id)),
		]);
		if (access.value) era.learn('access-policy');
		else if (eraFromError(access.error, 'access-policy')) era.learn('group-policy');
		return {
			...input,
			policy: {
				...(groups.value ? {groups: groups.value.groups.map(g => g.name)} : {}),
				...(access.value ? {accessPolicyId: access.value.accessPolicyId} : {}),
			},
		};
	});
}

/** Groups the audit lines of one bulk change: `undo --last` restores exactly these. */
export const newBatchId = (now: Date = new Date()): string => `${now.toISOString()}-${randomBytes(3).toString('hex')}`;
