import type {AppStateValue} from '../api/schemas/apps.js';
import {planStateChange, type StatePlan} from '../domain/appPlan.js';
import {planOperations} from '../operations/appBulk.js';
import {readAgainOnLoss} from '../operations/appState.js';
import {DEFAULT_CONCURRENCY} from '../operations/bulk.js';
import {outcomeLine, runAppBulk, summaryLine, type BulkReport} from './appsBulkRun.js';
import {newBatchId, openAppsGateway, POLICY_READ_LIMIT, readStates, withPolicies} from './appsSupport.js';
import type {CommandContext} from './context.js';
import {resolveItem} from './resolveItem.js';
import {CommandFailure, EXIT} from './run.js';

// `apps state APP... STATE` and `apps state --all-in-state TEST ACTIVE`: read every named app's state,
// show the whole plan (app, from -> to, and why a move is risky), one typed confirmation, then the bulk
// under the cap with verify-after-write, one audit line per attempted app and a per-app outcome.

export type StateOptions = {allInState?: AppStateValue; concurrency?: number};

/** The plan as a person reads it before typing the confirmation (stderr: stdout is the result). */
function showPlan(ctx: CommandContext, plan: StatePlan): void {
	ctx.info(`Plan: ${plan.steps.length} app(s) to ${plan.to}${plan.skipped.length > 0 ? `, ${plan.skipped.length} left as they are` : ''}`);
	for (const step of plan.steps) {
		ctx.info(`  ${step.name}  ${step.from} -> ${step.to}`);
		for (const risk of step.risks) ctx.info(`      risk: ${risk}`);
	}
	for (const skip of plan.skipped) ctx.info(`  ${skip.name}  skipped: ${skip.reason}`);
}

function reportText(report: BulkReport, plan: StatePlan): string {
	const lines = report.results.map(outcomeLine);
	lines.push(`${plan.to}: ${summaryLine(report, plan.skipped.length)}`);
	if (report.notConfirmed) lines.push('Not confirmed: nothing was changed.');
	return lines.join('\n');
}

export async function appsStateCommand(ctx: CommandContext, args: string[], options: StateOptions, to: AppStateValue): Promise<void> {
	const named = options.allInState === undefined ? args : [];
	if (options.allInState === undefined && named.length === 0) throw new CommandFailure('name at least one APP, or use --all-in-state STATE', EXIT.usage);
	if (options.allInState !== undefined && args.length > 0) throw new CommandFailure('--all-in-state takes no APP arguments', EXIT.usage);
	// A bulk change or a move to ACTIVE is always confirmed: without a terminal that needs --yes, decided
	// before anything is read or sent.
	if (!ctx.isDryRun && (to === 'ACTIVE' || options.allInState !== undefined || named.length > 1)) ctx.requireYes(`apps state ... ${to}`);

	const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
	const {gateway, runner, era} = await openAppsGateway(ctx, concurrency);
	const api = gateway.client;
	const all = await readAgainOnLoss(() => api.apps.list());
	const targets = options.allInState === undefined ? [...new Map(named.map(typed => resolveItem(all, typed, 'app')).map(a => [a.id, a])).values()] : all;
	ctx.info(`Reading the offline state of ${targets.length} app(s)...`);
	let inputs = await readStates(api, targets, concurrency);
	const onlyFrom = options.allInState ? {onlyFrom: options.allInState} : {};
	const moving = planStateChange(inputs, to, onlyFrom).steps.length;
	// A few apps going ACTIVE: read who may sign in, so the plan can warn about "nobody" before it happens.
	if (to === 'ACTIVE' && moving > 0 && moving <= POLICY_READ_LIMIT) inputs = await withPolicies(api, inputs, era, concurrency);
	const known = era.known();
	const plan = planStateChange(inputs, to, {...onlyFrom, ...(known ? {era: known} : {})});
	showPlan(ctx, plan);

	const batch = newBatchId();
	const operations = planOperations(api, plan, batch);
	if (ctx.dryRun(...operations.map(op => op.request))) return;
	if (operations.length === 0) {
		ctx.print({to, plan, results: [], summary: {done: 0, failed: 0, notStarted: 0, skipped: plan.skipped.length, interrupted: false}}, () =>
			`Nothing to change: ${plan.skipped.length} app(s) left as they are.`,
		);
		return;
	}
	const report = await runAppBulk(ctx, runner, plan.steps, operations, concurrency);
	const {results, exitCode: _exitCode, ...counts} = report;
	ctx.print({to, batch, plan: {steps: plan.steps, skipped: plan.skipped}, results, summary: {...counts, skipped: plan.skipped.length}}, () =>
		reportText(report, plan),
	);
	await era.flush();
	ctx.exitWith(report.exitCode);
}
