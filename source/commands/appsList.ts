import type {AppStateValue} from '../api/schemas/apps.js';
import {stateCounts} from '../domain/appPlan.js';
import {readAgainOnLoss} from '../operations/appState.js';
import {DEFAULT_CONCURRENCY} from '../operations/bulk.js';
import {openAppsGateway, readStates} from './appsSupport.js';
import type {CommandContext} from './context.js';
import {EXIT} from './run.js';

// `apps list [--state S]`: every app with its offline state (one GET per app under the cap; the list of
// apps does not carry it). A state that could not be read is shown as unknown and the exit code is 4.

export async function appsListCommand(ctx: CommandContext, options: {state?: AppStateValue; concurrency?: number}): Promise<void> {
	const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
	const {gateway} = await openAppsGateway(ctx, concurrency);
	const apps = await readAgainOnLoss(() => gateway.client.apps.list());
	const rows = await readStates(gateway.client, apps, concurrency);
	const shown = options.state === undefined ? rows : rows.filter(row => row.state === options.state);
	const counts = stateCounts(rows);
	ctx.print(
		shown.map(row => ({id: row.id, name: row.name, state: row.state ?? null})),
		list =>
			[
				`${rows.length} apps: ${counts.ACTIVE} ACTIVE, ${counts.TEST} TEST, ${counts.INACTIVE} INACTIVE${counts.unknown > 0 ? `, ${counts.unknown} unknown` : ''}`,
				...list.map(row => `${(row.state ?? 'unknown').padEnd(9)} ${row.name}  (${row.id})`),
			].join('\n'),
	);
	const unread = rows.filter(r => r.state === undefined).length;
	if (unread > 0) {
		ctx.warn(`the state of ${unread} app(s) could not be read`);
		ctx.exitWith(EXIT.partial);
	}
}
