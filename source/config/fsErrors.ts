// File-system failures in one line a person understands: the path and what went wrong, never a raw errno.

const REASONS: Record<string, string> = {
	EROFS: 'the file system is read-only',
	ENOSPC: 'no space left on the device',
	EDQUOT: 'the disk quota is exhausted',
	EACCES: 'permission denied',
	EPERM: 'operation not permitted',
	ENOENT: 'no such file or directory',
	ENOTDIR: 'a part of the path is not a directory',
	EISDIR: 'it is a directory',
	EEXIST: 'it already exists',
	EMFILE: 'too many open files',
	ENFILE: 'too many open files on the system',
	EIO: 'input/output error (a failing disk?)',
	EFBIG: 'the file is too large',
	ENAMETOOLONG: 'the path is too long',
	ELOOP: 'too many symbolic links',
	EBUSY: 'the file is busy',
};

/** A file operation that failed, with a message like "cannot write /x/profiles.yaml: the file system is read-only". */
export class LocalFileError extends Error {
	override readonly name = 'LocalFileError';
	constructor(
		readonly action: 'read' | 'write' | 'remove' | 'create',
		readonly path: string,
		readonly code: string | undefined,
		reason?: string,
	) {
		super(`cannot ${action} ${path}: ${reason ?? describeErrno(code)}`);
	}
}

export function describeErrno(code: string | undefined): string {
	return (code && REASONS[code]) ?? (code ? `failed (${code})` : 'failed');
}

/** Wraps a Node fs error; a LocalFileError passes through unchanged. */
export function fileFailure(action: LocalFileError['action'], file: string, error: unknown): LocalFileError {
	if (error instanceof LocalFileError) return error;
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return new LocalFileError(action, file, typeof code === 'string' ? code : undefined);
}
