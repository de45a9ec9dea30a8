import type {Command} from 'commander';
import {FAILOVER_MODES, FailoverModeRequest, type FailoverModeValue} from '../api/schemas/idps.js';
import {targetText} from '../domain/changeSummary.js';
import {failoverOperation, type FailoverState} from '../operations/failover.js';
import {createRunner} from '../operations/runner.js';
import type {ConfirmFn, OperationOutcome} from '../operations/types.js';
import {bodyFileOption, dryRunOption, withContext, type CommandContext} from './context.js';
import {choice} from './parsers.js';
import {CommandFailure, EXIT} from './run.js';

// `oag-offline idps list` and `idps failover IDP AUTOMATIC|DISABLED`: the same failover operation and
// runner as the TUI's `a` and `D` keys, so the same read-only rule, confirmation, verify and audit line.
// The audit log is the gateway's (openGateway: the file log for real gateways).

type IdpRow = {id: string; name: string; type: string; failoverMode: string};

export function registerIdps(program: Command): void {
	const idps = program.command('idps').description('identity providers: list them, set their failover mode');
	idps
		.command('list')
		.description('every IdP with its failover mode')
		.action(withContext(listIdps));
	idps
		.command('failover')
		.description('set an IdP failover mode (DISABLED asks you to type DISABLED, or needs --yes)')
		.argument('<idp>', 'IdP id or unique name')
		.argument('[mode]', `${FAILOVER_MODES.join(' or ')} (or "mode" in --file)`, choice(FAILOVER_MODES, 'mode'))
		.addOption(bodyFileOption())
		.addOption(dryRunOption())
		.action(withContext(setFailover));
}

async function listIdps(ctx: CommandContext): Promise<void> {
	const {client} = await ctx.openGateway();
	const idps = await client.idps.list();
	const rows: IdpRow[] = await Promise.all(
		idps.map(async idp => ({id: idp.id, name: idp.name, type: idp.type, failoverMode: (await client.idps.getFailoverMode(idp.id)).mode})),
	);
	ctx.print(rows, all => all.map(r => `${targetText({kind: 'IdP', id: r.id, name: r.name})}  ${r.type}  [${r.failoverMode}]`).join('\n'));
}

async function setFailover(ctx: CommandContext, idpArgument: string, mode: FailoverModeValue | undefined): Promise<void> {
	// The body first (the file, then the argument over it), so that a bad body fails before any request.
	const body = await ctx.body(FailoverModeRequest, {overrides: {mode}});
	const gateway = await ctx.openGateway();
	const idp = await ctx.resolveIdp(gateway.client, idpArgument);
	const op = failoverOperation(gateway.client, {id: idp.id, name: idp.name}, body.mode);
	if (ctx.dryRun(op.request)) return;
	// Nobody to ask and no --yes: a usage error before the runner starts (no request, no audit line).
	if (op.confirmation) ctx.requireYes(op.label);
	const runner = createRunner({
		audit: gateway.audit,
		actor: () => ({profile: gateway.connection.profileName ?? '(from flags)', gateway: new URL(gateway.client.baseUrl).host, via: 'cli'}),
		readOnly: () => gateway.connection.readOnly,
	});
	report(ctx, await runner.run(op, {confirm: confirmThrough(ctx)}));
}

/** The runner's confirmation through the context: --yes, or the word typed at the terminal. */
const confirmThrough =
	(ctx: CommandContext): ConfirmFn =>
	async request => {
		try {
			await ctx.confirm(request.prompt, request.expected);
			return true;
		} catch (error) {
			// A wrong word is "not confirmed" (the runner audits it); anything else (Ctrl-C) goes on up.
			if (error instanceof CommandFailure && error.kind === 'cancelled') return false;
			throw error;
		}
	};

function report(ctx: CommandContext, outcome: OperationOutcome<FailoverState>): void {
	if (outcome.auditWarning && ctx.json) ctx.warn(outcome.auditWarning);
	if (outcome.ok) {
		const {undo: _undo, ...plain} = outcome;
		ctx.print(plain, result => result.message);
		return;
	}
	const auth = outcome.errorKind === 'unauthorized' || outcome.errorKind === 'missing-scope';
	throw new CommandFailure(outcome.message, auth ? EXIT.auth : EXIT.failure, outcome.errorKind ?? outcome.outcome);
}
