import {AuditEntry, type AuditReadResult} from './entry.js';

// Reading tolerates damage: a crash mid-write can leave a torn last line, and the next append then
// starts right after it on the same line. Such a line is resynchronised on the last `{"time":`.

const LINE_START = '{"time":';

function parseLine(line: string): AuditEntry | undefined {
	for (const candidate of [line, line.slice(Math.max(0, line.lastIndexOf(LINE_START)))]) {
		try {
			const parsed = AuditEntry.safeParse(JSON.parse(candidate));
			if (parsed.success) return parsed.data;
		} catch {
			// try the resynchronised tail next
		}
	}
	return undefined;
}

export function parseAuditText(text: string): Omit<AuditReadResult, 'location'> {
	const entries: AuditEntry[] = [];
	let skipped = 0;
	for (const line of text.split('\n')) {
		if (line.trim() === '') continue;
		const entry = parseLine(line);
		if (entry) entries.push(entry);
		else skipped++;
	}
	return {entries, skipped};
}
