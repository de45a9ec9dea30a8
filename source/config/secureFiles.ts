import {randomBytes} from 'node:crypto';
import {chmod, mkdir, open, rename, rm, stat} from 'node:fs/promises';
import path from 'node:path';
import {fileFailure, LocalFileError} from './fsErrors.js';

/** Profiles files and key files are a few KB; anything this big was not written by us. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** Creates the directory (and parents) readable only by the owner; tightens it if it already existed. */
export async function ensurePrivateDir(dir: string): Promise<void> {
	try {
		await mkdir(dir, {recursive: true, mode: 0o700});
		// mkdir leaves an existing directory's mode alone, and the umask may have widened a new one. Only a
		// mode that needs it is changed: a chmod on a read-only file system would fail for nothing.
		if (process.platform !== 'win32' && ((await stat(dir)).mode & 0o777) !== 0o700) await chmod(dir, 0o700);
	} catch (error) {
		throw fileFailure('create', dir, error);
	}
}

/**
 * Writes via a temp file in the same directory + rename, so a crash never leaves half a file,
 * and the file is 0600 from its first byte (never briefly world-readable). A failure removes the temp file
 * and throws a LocalFileError naming the file ("cannot write X: no space left on the device").
 */
export async function writePrivateFile(file: string, data: string | Uint8Array): Promise<void> {
	await ensurePrivateDir(path.dirname(file));
	const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
	try {
		const handle = await open(temp, 'wx', 0o600);
		try {
			await handle.writeFile(data);
			await handle.sync();
		} finally {
			await handle.close();
		}
		await rename(temp, file);
	} catch (error) {
		await rm(temp, {force: true}).catch(() => undefined);
		throw fileFailure('write', file, error);
	}
}

export type ReadOptions = {
	/** Refuse files larger than this (default 1 MiB), before reading them into memory. */
	maxBytes?: number;
	/** Refuse a file that group or others may read, like ssh refuses a 0644 private key. */
	ownerOnly?: boolean;
};

/** The file's text, or undefined when it does not exist. */
export async function readIfExists(file: string, options: ReadOptions = {}): Promise<string | undefined> {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
	let handle;
	try {
		handle = await open(file, 'r');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw fileFailure('read', file, error);
	}
	try {
		const info = await handle.stat();
		if (info.size > maxBytes) {
			throw new LocalFileError('read', file, 'EFBIG', `it is ${info.size} bytes, over the limit of ${maxBytes} (not a file this program wrote)`);
		}
		if (options.ownerOnly && process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
			const mode = (info.mode & 0o777).toString(8).padStart(4, '0');
			throw new LocalFileError('read', file, 'EACCES', `it is readable by group or others (mode ${mode}); run chmod 600 ${file}`);
		}
		// Read in chunks until the end or one byte past the limit: a FIFO (`--key-file <(pass show gw1)`) or a
		// device reports size 0, and a file may grow after the stat.
		const chunks: Buffer[] = [];
		let length = 0;
		for (;;) {
			const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - length));
			const {bytesRead} = await handle.read(chunk, 0, chunk.length, null);
			if (bytesRead === 0) break;
			chunks.push(chunk.subarray(0, bytesRead));
			length += bytesRead;
			if (length > maxBytes) throw new LocalFileError('read', file, 'EFBIG', `it is over the limit of ${maxBytes} bytes`);
		}
		return Buffer.concat(chunks).toString('utf8');
	} catch (error) {
		throw fileFailure('read', file, error);
	} finally {
		await handle.close();
	}
}

/** Removes the file; true if there was one. */
export async function removeIfExists(file: string): Promise<boolean> {
	try {
		await rm(file);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
		throw fileFailure('remove', file, error);
	}
}
