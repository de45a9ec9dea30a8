import type {Command} from 'commander';
import {FAILOVER_MODES, FailoverModeRequest, type FailoverModeValue} from '../api/schemas/idps.js';
import {targetText} from '../domain/changeSummary.js';
import {adviseFailover} from '../operations/failoverAdvice.js';
import {bodyFileOption, dryRunOption, withContext, type CommandContext} from './context.js';
import {runOperation} from './operationCommand.js';
import {choice} from './parsers.js';

// `oag-offline idps list` and `idps failover IDP AUTOMATIC|DISABLED`: the same failover operation and
// runner as the TUI's `a` and `D` keys, so the same read-only rule, confirmation, verify and audit line.
// runOperation (operationCommand.ts) is the command line's side of the runner.

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
	// AUTOMATIC on an IdP without a directory asks too: offline sign-in would find no users.
	const {operation, warning} = await adviseFailover(gateway.client, {id: idp.id, name: idp.name}, body.mode);
	if (warning && !ctx.isDryRun) ctx.warn(warning);
	await runOperation(ctx, gateway, operation);
}
