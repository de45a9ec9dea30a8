import {isOagError} from '../api/errors.js';
import type {App} from '../api/schemas/apps.js';
import {paths} from '../api/schemas/paths.js';
import {createAccessPolicyOperation, accessPolicyOperation, groupPolicyOperation} from '../operations/appPolicy.js';
import type {OperationOutcome} from '../operations/types.js';
import {openAppsGateway, type AppsGateway} from './appsSupport.js';
import type {CommandContext} from './context.js';
import {resolveItem} from './resolveItem.js';
import {runOperation} from './operationCommand.js';
import {CommandFailure, EXIT} from './run.js';

// Who may sign in to an app offline. `apps groups APP GROUP...` sets the legacy group policy; on gateways
// from 2026.09.1 it answers 405 and the command says to use `apps access-policy APP POLICY` (the era is
// learned and kept in the profile). `apps access-policy` assigns a policy of the app's IdP by id or name,
// or with --create makes one that admits --group GROUP (password sign-in) and assigns it.

/** A failed outcome as the command's failure (its exit code: 3 for credentials, else 1). */
function failIfNot(outcome: OperationOutcome<unknown>): void {
	if (outcome.ok) return;
	const auth = outcome.errorKind === 'unauthorized' || outcome.errorKind === 'missing-scope';
	throw new CommandFailure(outcome.message, auth ? EXIT.auth : EXIT.failure, outcome.errorKind ?? outcome.outcome);
}

const plain = <S>({undo: _undo, ...rest}: OperationOutcome<S>) => rest;

async function appAndGateway(ctx: CommandContext, appArg: string): Promise<AppsGateway & {app: App}> {
	const opened = await openAppsGateway(ctx);
	return {...opened, app: await ctx.resolveApp(opened.gateway.client, appArg)};
}

export async function appsGroupsCommand(ctx: CommandContext, appArg: string, groups: string[]): Promise<void> {
	const {gateway, era, app} = await appAndGateway(ctx, appArg);
	if (era.known() === 'access-policy') {
		ctx.warn('this profile last saw a gateway that takes access policies, not group policies; trying anyway');
	}
	try {
		await runOperation(ctx, gateway, groupPolicyOperation(gateway.client, app, groups, era));
	} finally {
		await era.flush(); // a 405 taught the era: keep it even though the command fails
	}
}

export async function appsAccessPolicyCommand(
	ctx: CommandContext,
	appArg: string,
	policyArg: string,
	options: {create?: boolean; group?: string[]},
): Promise<void> {
	const {gateway, runner, era, app} = await appAndGateway(ctx, appArg);
	const api = gateway.client;
	if (!app.idpId) throw new CommandFailure(`app ${app.name} has no IdP: an access policy belongs to an IdP`, EXIT.failure);
	const idp = {id: app.idpId};
	const groups = options.group ?? [];
	if (options.create && groups.length === 0) throw new CommandFailure('--create needs at least one --group GROUP', EXIT.usage);

	let policy: {id: string; name?: string};
	const outcomes: Array<ReturnType<typeof plain>> = [];
	if (options.create) {
		let createdId: string | undefined;
		const create = createAccessPolicyOperation(api, idp, policyArg, groups, era, id => (createdId = id));
		if (ctx.dryRun(create.request, {method: 'PUT', path: paths.appAccessPolicy(app.id), body: {accessPolicyId: '<new policy id>'}})) return;
		const created = await runner.run(create);
		outcomes.push(plain(created));
		if (!createdId) {
			await era.flush();
			failIfNot(created);
			throw new CommandFailure(`${created.label}: the gateway returned no policy id`, EXIT.failure);
		}
		if (!created.ok) ctx.warn(created.message);
		policy = {id: createdId, name: policyArg};
	} else {
		let policies;
		try {
			policies = await api.accessPolicies.list(idp.id);
			era.learn('access-policy');
		} catch (error) {
			if (isOagError(error) && error.kind === 'not-found') {
				era.learn('group-policy');
				await era.flush();
				throw new CommandFailure(
					'this gateway has no offline access policies (before 2026.09.1): set the group policy instead (`oag-offline apps groups APP GROUP...`)',
					EXIT.failure,
					'not-found',
				);
			}
			throw error;
		}
		policy = resolveItem(policies, policyArg, 'access policy');
	}
	const assign = accessPolicyOperation(api, app, policy, era);
	if (ctx.dryRun(assign.request)) return;
	const outcome = await runner.run(assign);
	outcomes.push(plain(outcome));
	await era.flush();
	failIfNot(outcome);
	ctx.print(outcomes.length === 1 ? outcomes[0] : outcomes, () => outcomes.map(o => o.message).join('\n'));
}
