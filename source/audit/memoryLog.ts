import type {AuditEntry, AuditLog} from './entry.js';
import {parseAuditText} from './parse.js';
import {auditLine} from './fileLog.js';

/**
 * An audit log that lives as long as the process: for demo mode (a simulated gateway has no place in the
 * admin's real audit trail) and for stores built without a file. Lines go through the same redaction.
 */
export function memoryAuditLog(): AuditLog & {lines(): readonly string[]} {
	const lines: string[] = [];
	return {
		append: async (entry: AuditEntry, knownSecrets) => {
			lines.push(auditLine(entry, knownSecrets));
			return {written: true};
		},
		read: async () => parseAuditText(lines.join('')),
		lines: () => lines,
	};
}
