import {InvalidArgumentError, type Command} from 'commander';
import type {FailoverModeValue} from '../api/schemas/index.js';
import {fileAuditLog} from '../audit/fileLog.js';
import {targetText} from '../domain/changeSummary.js';
import {FAILOVER_MODES} from '../api/schemas/idps.js';
import {failoverOperation, isFailoverMode, type FailoverState} from '../operations/failover.js';
import {createRunner} from '../operations/runner.js';
import type {Operation, OperationOutcome} from '../operations/types.js';
import {connectClient, resolveConnection} from './connect.js';
import {globalsOf, type GlobalOptions} from './globalOptions.js';
import {resolveIdp} from './idpArgument.js';
import {EXIT} from './run.js';
import {commandConfirm} from './typedPrompt.js';

// `oag-offline idps list` and `idps failover IDP AUTOMATIC|DISABLED`: the same failover operation and
// runner as the TUI's `a` and `D` keys, so the same read-only rule, confirmation, verify and audit line.

const failoverMode = (text: string): FailoverModeValue => {
	const upper = text.toUpperCase();
	if (!isFailoverMode(upper)) throw new InvalidArgumentError(`expected ${FAILOVER_MODES.join(' or ')}`);
	return upper;
};

const writeJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

export function registerIdps(program: Command): void {
	const idps = program.command('idps').description('identity providers: list them, set their failover mode');
	idps
		.command('list')
		.description('every IdP with its failover mode')
		.action(async (_options: unknown, command: Command) => listIdps(globalsOf(command)));
	idps
		.command('failover')
		.description('set an IdP failover mode (DISABLED asks you to type DISABLED, or needs --yes)')
		.argument('<idp>', 'IdP id or unique name')
		.argument('<mode>', 'AUTOMATIC or DISABLED', failoverMode)
		.option('--dry-run', 'print what would be sent; send nothing')
		.action(async (idp: string, mode: FailoverModeValue, options: {dryRun?: boolean}, command: Command) =>
			setFailover(globalsOf(command), idp, mode, options.dryRun ?? false),
		);
}

async function listIdps(globals: GlobalOptions): Promise<void> {
	const client = connectClient(await resolveConnection(globals));
	try {
		const idps = await client.idps.list();
		const rows = await Promise.all(
			idps.map(async idp => ({id: idp.id, name: idp.name, type: idp.type, failoverMode: (await client.idps.getFailoverMode(idp.id)).mode})),
		);
		if (globals.json) writeJson(rows);
		else process.stdout.write(rows.map(r => `${targetText({kind: 'IdP', id: r.id, name: r.name})}  ${r.type}  [${r.failoverMode}]\n`).join(''));
	} finally {
		await client.close();
	}
}

const dryRunReport = (op: Operation<FailoverState>) => ({dryRun: true, label: op.label, target: op.target, request: op.request});

async function setFailover(globals: GlobalOptions, idpArgument: string, mode: FailoverModeValue, dryRun: boolean): Promise<void> {
	const connection = await resolveConnection(globals);
	const client = connectClient(connection);
	try {
		const idp = resolveIdp(await client.idps.list(), idpArgument);
		const op = failoverOperation(client, {id: idp.id, name: idp.name}, mode);
		if (dryRun) {
			if (globals.json) writeJson(dryRunReport(op));
			else process.stdout.write(`Would send ${op.request.method} ${op.request.path} ${JSON.stringify(op.request.body)} (${op.label}); nothing was sent.\n`);
			return;
		}
		const confirm = commandConfirm({yes: globals.yes ?? false, needed: op.confirmation});
		const runner = createRunner({
			audit: fileAuditLog(),
			actor: () => ({profile: connection.profileName ?? '(from flags)', gateway: new URL(client.baseUrl).host, via: 'cli'}),
			readOnly: () => connection.readOnly,
		});
		report(await runner.run(op, {confirm}), globals.json ?? false);
	} finally {
		await client.close();
	}
}

function report(outcome: OperationOutcome<FailoverState>, json: boolean): void {
	if (json) {
		const {undo: _undo, ...plain} = outcome;
		writeJson(plain);
	} else if (outcome.ok) process.stdout.write(`${outcome.message}\n`);
	else process.stderr.write(`oag-offline: ${outcome.message}\n`);
	if (json && outcome.auditWarning) process.stderr.write(`oag-offline: WARNING: ${outcome.auditWarning}\n`);
	if (!outcome.ok) process.exitCode = outcome.errorKind === 'unauthorized' || outcome.errorKind === 'missing-scope' ? EXIT.auth : EXIT.failure;
}
