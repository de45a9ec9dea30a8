import type {Command} from 'commander';
import type {AuditEntry} from '../audit/entry.js';
import {fileAuditLog} from '../audit/fileLog.js';
import {since} from '../audit/since.js';
import {printable, summarizeChange, targetText} from '../domain/changeSummary.js';
import {withContext} from './context.js';
import {duration} from './parsers.js';

// `oag-offline audit [--since DURATION] [--json]`: this machine's audit log, oldest first (like a log,
// so `| tail` shows the latest). No gateway is contacted.

export function auditLineText(entry: AuditEntry): string {
	const who = printable(`${entry.user}@${entry.profile} ${entry.gateway}`);
	const error = entry.error ? `  ${printable(entry.error)}` : '';
	return `${printable(entry.time)}  ${who}  ${printable(entry.action)}  ${targetText(entry.target)}  ${summarizeChange(entry)}  [${entry.outcome}]${error}\n`;
}

export function registerAudit(program: Command): void {
	program
		.command('audit')
		.description('the audit log of changes made from this machine (every attempt, refused and failed too)')
		.option('--since <duration>', 'only the last DURATION: 90s, 15m, 2h, 7d', duration)
		.action(
			withContext(async (ctx, options: {since?: number}) => {
				const log = fileAuditLog();
				const read = await log.read();
				const entries = options.since === undefined ? read.entries : since(read.entries, options.since);
				if (read.skipped > 0) ctx.warn(`${read.skipped} line(s) of ${log.location} could not be read and are left out`);
				const empty = `No changes recorded${options.since === undefined ? '' : ' in that time'} (${log.location}).`;
				ctx.print(entries, all => (all.length === 0 ? empty : all.map(auditLineText).join('')));
			}),
		);
}
