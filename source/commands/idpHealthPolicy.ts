import {InvalidArgumentError, type Command} from 'commander';
import {HealthPolicyRequest} from '../api/schemas/idps.js';
import {
	HEALTH_POLICY_FIELDS,
	HEALTH_POLICY_RANGES,
	healthPolicyTimeline,
	minimumCooldown,
	validateHealthPolicy,
	type HealthPolicyField,
	type HealthPolicyValues,
} from '../domain/healthPolicy.js';
import {describeHealthPolicy, smallestValidCooldown} from '../domain/healthPolicyTimeline.js';
import {healthPolicyOperation, policyValues} from '../operations/healthPolicy.js';
import {bodyFileOption, dryRunOption, withContext, type CommandContext} from './context.js';
import {runOperation} from './operationCommand.js';
import {CommandFailure, EXIT} from './run.js';

// `oag-offline idps health-policy IDP [--set key=value ...]`: without --set it shows the policy and what
// it means in time; with --set (or --file) it replaces the six fields through the health-policy operation,
// after the domain rule has passed. A cooldown below the rule is refused with the smallest one that fits.

type Assignment = {field: HealthPolicyField; value: number};

const assignment = (text: string, previous: Assignment[] = []): Assignment[] => {
	const match = /^\s*([A-Za-z]+)\s*=\s*(-?\d+)\s*$/.exec(text);
	const field = HEALTH_POLICY_FIELDS.find(f => f.toLowerCase() === match?.[1]?.toLowerCase());
	if (!match || !field) throw new InvalidArgumentError(`expected FIELD=WHOLE_NUMBER with FIELD one of ${HEALTH_POLICY_FIELDS.join(', ')}`);
	return [...previous, {field, value: Number(match[2])}];
};

export type PolicyView = {
	idp: {id: string; name: string};
	policy: HealthPolicyValues;
	timeline: string;
	detectionSeconds: number;
	recoverySeconds: number;
	minimumCooldown: number;
};

export const policyView = (idp: {id: string; name: string}, policy: HealthPolicyValues): PolicyView => ({
	idp,
	policy,
	timeline: describeHealthPolicy(policy),
	...healthPolicyTimeline(policy),
});

const policyText = (view: PolicyView): string =>
	[
		`Health policy of ${view.idp.name}:`,
		...HEALTH_POLICY_FIELDS.map(f => `  ${f.padEnd(25)} ${view.policy[f]}`),
		`It ${view.timeline}.`,
	].join('\n');

/** The domain rule's problems as one usage error, with the cooldown that would fit. */
export function policyProblems(policy: HealthPolicyValues): string | undefined {
	const errors = validateHealthPolicy(policy, 'client');
	if (errors.length === 0) return undefined;
	const lines = errors.map(e => `${e.field}: ${e.message}`);
	if (errors.some(e => e.field === 'recoveryCooldownInterval') && errors.every(e => e.field !== 'healthCheckInterval' && e.field !== 'failureThreshold')) {
		const least = smallestValidCooldown(policy);
		lines.push(
			least === undefined
				? `no cooldown fits: 2 × ${policy.healthCheckInterval} × ${policy.failureThreshold} = ${minimumCooldown(policy)} s is above the maximum ${HEALTH_POLICY_RANGES.recoveryCooldownInterval.max}; lower healthCheckInterval or failureThreshold`
				: `the smallest valid cooldown is ${least} s: add --set recoveryCooldownInterval=${least}`,
		);
	}
	return `the health policy is not valid: ${lines.join('; ')}`;
}

async function healthPolicy(ctx: CommandContext, idpArg: string, options: {set?: Assignment[]; file?: string}): Promise<void> {
	const gateway = await ctx.openGateway();
	const idp = await ctx.resolveIdp(gateway.client, idpArg);
	const ref = {id: idp.id, name: idp.name};
	const current = policyValues(await gateway.client.idps.getHealthPolicy(idp.id));
	const sets = options.set ?? [];
	if (sets.length === 0 && options.file === undefined) {
		ctx.print(policyView(ref, current), policyText);
		return;
	}
	const overrides = Object.fromEntries(sets.map(s => [s.field, s.value]));
	const wanted = policyValues(await ctx.body(HealthPolicyRequest, {base: current, overrides}));
	const problems = policyProblems(wanted);
	if (problems) throw new CommandFailure(problems, EXIT.usage, 'validation');
	await runOperation(ctx, gateway, healthPolicyOperation(gateway.client, ref, wanted), {
		text: outcome => `${outcome.message}\nIt now ${describeHealthPolicy(wanted)}.`,
	});
}

/** Adds `health-policy` to the existing `idps` command (registered after it). */
export function registerIdpHealthPolicy(program: Command): void {
	const idps = program.commands.find(c => c.name() === 'idps');
	if (!idps) throw new Error('the idps command must be registered before its health-policy subcommand');
	idps
		.command('health-policy')
		.description('show an IdP health policy and its timeline; --set key=value replaces it (all six fields, checked first)')
		.argument('<idp>', 'IdP id or unique name')
		.option('--set <key=value>', `change a field (repeatable): ${HEALTH_POLICY_FIELDS.join(', ')}`, assignment)
		.addOption(bodyFileOption())
		.addOption(dryRunOption())
		.action(withContext(async (ctx, idpArg: string, options: {set?: Assignment[]; file?: string}) => healthPolicy(ctx, idpArg, options)));
}
