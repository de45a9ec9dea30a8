import {InvalidArgumentError, type Command} from 'commander';
import type {AuditEntry} from '../audit/entry.js';
import {fileAuditLog} from '../audit/fileLog.js';
import {parseDuration, since} from '../audit/since.js';
import {printable, summarizeChange, targetText} from '../domain/changeSummary.js';
import {globalsOf} from './globalOptions.js';

// `oag-offline audit [--since DURATION] [--json]`: this machine's audit log, oldest first (like a log,
// so `| tail` shows the latest). No gateway is contacted.

const duration = (text: string): number => {
	const ms = parseDuration(text);
	if (ms === undefined) throw new InvalidArgumentError('expected a duration like 30m, 2h or 7d (units s, m, h, d, w)');
	return ms;
};

export function auditLineText(entry: AuditEntry): string {
	const who = printable(`${entry.user}@${entry.profile} ${entry.gateway}`);
	const error = entry.error ? `  ${printable(entry.error)}` : '';
	return `${printable(entry.time)}  ${who}  ${printable(entry.action)}  ${targetText(entry.target)}  ${summarizeChange(entry)}  [${entry.outcome}]${error}\n`;
}

export function registerAudit(program: Command): void {
	program
		.command('audit')
		.description('the audit log of changes made from this machine (every attempt, refused and failed too)')
		.option('--since <duration>', 'only the last DURATION: 30m, 2h, 7d...', duration)
		.action(async (options: {since?: number}, command: Command) => {
			const json = globalsOf(command).json ?? false;
			const log = fileAuditLog();
			const read = await log.read();
			const entries = options.since === undefined ? read.entries : since(read.entries, options.since);
			if (read.skipped > 0) process.stderr.write(`oag-offline: ${read.skipped} line(s) of ${log.location} could not be read and are left out\n`);
			if (json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
			else if (entries.length === 0) process.stdout.write(`No changes recorded${options.since === undefined ? '' : ' in that time'} (${log.location}).\n`);
			else process.stdout.write(entries.map(auditLineText).join(''));
		});
}
