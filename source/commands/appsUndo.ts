import {fileAuditLog} from '../audit/fileLog.js';
import {since} from '../audit/since.js';
import {lastChange, undoSteps} from '../domain/appUndo.js';
import {APP_STATE_OPERATION_ID, isAppState, appStateOperation} from '../operations/appState.js';
import {DEFAULT_CONCURRENCY} from '../operations/bulk.js';
import {outcomeLine, runAppBulk, summaryLine} from './appsBulkRun.js';
import {newBatchId, openAppsGateway} from './appsSupport.js';
import type {CommandContext} from './context.js';
import {CommandFailure, EXIT} from './run.js';

// `apps undo [--last | --since DURATION]`: puts back the offline states this machine's audit log recorded
// before the last bulk change (or every change in the window), on the gateway of the current connection.
// An app that moved again since (someone else, another tool) is left as it is and reported.

export const UNDO_WORD = 'UNDO';

export async function appsUndoCommand(ctx: CommandContext, options: {last?: boolean; since?: number; concurrency?: number}): Promise<void> {
	if (options.last && options.since !== undefined) throw new CommandFailure('use --last or --since, not both', EXIT.usage);
	if (!ctx.isDryRun) ctx.requireYes('apps undo');
	const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
	const {gateway, runner} = await openAppsGateway(ctx, concurrency);
	const host = new URL(gateway.client.baseUrl).host;
	const read = await fileAuditLog().read();
	if (read.skipped > 0) ctx.warn(`${read.skipped} line(s) of the audit log could not be read and are left out`);
	const lines = read.entries.filter(entry => entry.action === APP_STATE_OPERATION_ID && entry.gateway === host);
	const chosen = options.since === undefined ? lastChange(lines) : since(lines, options.since);
	const steps = undoSteps(chosen).flatMap(step => (isAppState(step.to) ? [{...step, to: step.to}] : []));

	if (steps.length === 0) {
		ctx.print({undo: [], results: []}, () => 'Nothing to undo: no recorded state change of this gateway in that range.');
		return;
	}
	ctx.info(`Undo: ${steps.length} app(s) back to their recorded previous state`);
	for (const step of steps) ctx.info(`  ${step.name}  ${step.from ?? '?'} -> ${step.to}`);
	const batch = newBatchId();
	const confirmation = {expected: UNDO_WORD, prompt: `Put ${steps.length} app(s) back to their previous offline state.`};
	const operations = steps.map(step =>
		appStateOperation(gateway.client, {id: step.id, name: step.name}, step.to, {
			batch,
			confirmation,
			...(step.from !== undefined && isAppState(step.from) ? {expectFrom: step.from} : {}),
		}),
	);
	if (ctx.dryRun(...operations.map(op => op.request))) return;
	const report = await runAppBulk(ctx, runner, steps, operations, concurrency);
	const {results, exitCode: _exitCode, ...counts} = report;
	ctx.print({undo: steps, batch, results, summary: counts}, () =>
		[...results.map(outcomeLine), `Undo: ${summaryLine(report, 0)}`, ...(report.notConfirmed ? ['Not confirmed: nothing was changed.'] : [])].join('\n'),
	);
	ctx.exitWith(report.exitCode);
}
