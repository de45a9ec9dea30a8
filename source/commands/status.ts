import type {Command} from 'commander';
import {withContext} from './context.js';
import {CommandFailure, EXIT} from './run.js';
import {formatStatus, statusJson, type StatusHeader} from './statusFormat.js';
import {gatherStatus, reportErrors} from './statusReport.js';

const isAuthKind = (kind: string): boolean => kind === 'unauthorized' || kind === 'missing-scope';

export function registerStatus(program: Command): void {
	program
		.command('status')
		.description('auth service state and health, IdP failover modes, app counts per offline state')
		.action(
			withContext(async ctx => {
				const connection = await ctx.connection();
				// A key that cannot be read is the admin's to fix (exit 2), not three identical part failures.
				await connection.privateKey();
				const {client} = await ctx.openGateway(connection);
				const report = await gatherStatus(client);
				const errors = reportErrors(report);
				// Nothing could be read for one reason (no route, bad key, TLS): one line, not three copies.
				const only = errors[0];
				if (errors.length === 3 && only && errors.every(e => e.message === only.message)) {
					throw new CommandFailure(only.message, isAuthKind(only.kind) ? EXIT.auth : EXIT.failure);
				}
				const header: StatusHeader = {
					gateway: client.baseUrl,
					keyBackend: connection.keyBackend,
					profile: connection.profileName,
					insecure: connection.insecure,
				};
				ctx.print(statusJson(header, report), () => formatStatus(header, report));
				// Some parts (or some apps' states) unreadable and the rest printed: partial (4). Nothing readable: 3 or 1.
				const unreadableApps = report.apps.ok && report.apps.value.unreadable > 0;
				if (errors.length === 3) ctx.exitWith(errors.some(e => isAuthKind(e.kind)) ? EXIT.auth : EXIT.failure);
				else if (errors.length > 0 || unreadableApps) ctx.exitWith(EXIT.partial);
			}),
		);
}
