import {randomBytes} from 'node:crypto';
import {chmod, mkdir, open, readFile, rename, rm} from 'node:fs/promises';
import path from 'node:path';

/** Creates the directory (and parents) readable only by the owner; tightens it if it already existed. */
export async function ensurePrivateDir(dir: string): Promise<void> {
	await mkdir(dir, {recursive: true, mode: 0o700});
	// mkdir leaves an existing directory's mode alone, and the umask may have widened a new one.
	if (process.platform !== 'win32') await chmod(dir, 0o700);
}

/**
 * Writes via a temp file in the same directory + rename, so a crash never leaves half a file,
 * and the file is 0600 from its first byte (never briefly world-readable).
 */
export async function writePrivateFile(file: string, data: string | Uint8Array): Promise<void> {
	await ensurePrivateDir(path.dirname(file));
	const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
	const handle = await open(temp, 'wx', 0o600);
	try {
		await handle.writeFile(data);
		await handle.sync();
	} catch (error) {
		await handle.close();
		await rm(temp, {force: true});
		throw error;
	}
	await handle.close();
	try {
		await rename(temp, file);
	} catch (error) {
		await rm(temp, {force: true});
		throw error;
	}
}

/** The file's text, or undefined when it does not exist. */
export async function readIfExists(file: string): Promise<string | undefined> {
	try {
		return await readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/** Removes the file; true if there was one. */
export async function removeIfExists(file: string): Promise<boolean> {
	try {
		await rm(file);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
		throw error;
	}
}
