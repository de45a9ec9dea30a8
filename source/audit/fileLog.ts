import {open, readFile} from 'node:fs/promises';
import path from 'node:path';
import {oagPaths, type OagPaths} from '../config/paths.js';
import {ensurePrivateDir} from '../config/secureFiles.js';
import type {AuditEntry, AuditLog, AuditReadResult, AuditWrite} from './entry.js';
import {parseAuditText} from './parse.js';
import {redact} from './redact.js';

// The audit log as JSONL in the state dir (XDG_STATE_HOME on Linux), dir 0700, file 0600.
// Each line goes out in ONE write() on an O_APPEND descriptor: the kernel places every such write at the
// end of the file as a whole, so two processes appending at once never interleave inside a line.

export const AUDIT_FILE_NAME = 'audit.jsonl';

export const auditFilePath = (paths: OagPaths = oagPaths()): string => path.join(paths.state, AUDIT_FILE_NAME);

/** One JSON line, redacted; `time` stays the first key (the reader resynchronises on it). */
export function auditLine(entry: AuditEntry, knownSecrets: readonly string[] = []): string {
	const {time, ...rest} = redact(entry, knownSecrets);
	return `${JSON.stringify({time, ...rest})}\n`;
}

const reason = (error: unknown): string =>
	error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);

export async function appendAuditLine(file: string, line: string): Promise<AuditWrite> {
	try {
		await ensurePrivateDir(path.dirname(file));
		const handle = await open(file, 'a', 0o600);
		try {
			// An older file (or a wide umask at creation) is tightened; chmod on the fd cannot follow a swapped path.
			const stat = await handle.stat();
			if (process.platform !== 'win32' && stat.isFile() && (stat.mode & 0o777) !== 0o600) await handle.chmod(0o600);
			const bytes = Buffer.from(line, 'utf8');
			const {bytesWritten} = await handle.write(bytes, 0, bytes.length);
			if (bytesWritten !== bytes.length) throw new Error(`short write (${bytesWritten} of ${bytes.length} bytes)`);
		} finally {
			await handle.close();
		}
		return {written: true};
	} catch (error) {
		return {written: false, warning: `the audit line could not be written to ${file} (${reason(error)})`};
	}
}

export async function readAuditFile(file: string): Promise<AuditReadResult> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {entries: [], skipped: 0, location: file};
		throw error;
	}
	return {...parseAuditText(text), location: file};
}

/** The audit log of this machine's user; `file` for tests and other locations. */
export function fileAuditLog(file: string = auditFilePath()): AuditLog {
	return {
		location: file,
		append: (entry, knownSecrets) => appendAuditLine(file, auditLine(entry, knownSecrets)),
		read: () => readAuditFile(file),
	};
}
