import {open, readFile, rm, stat} from 'node:fs/promises';
import {fileFailure, LocalFileError} from './fsErrors.js';

// An exclusive lock file next to the file it guards, so that concurrent logins do not lose each other's
// profiles. A lock whose process is gone, or that is older than STALE_MS, is taken over: a `kill -9` in the
// middle of a save must not block every later run.

const STALE_MS = 15_000;
const WAIT_MS = 10_000;

export async function withFileLock<T>(lockFile: string, work: () => Promise<T>, waitMs = WAIT_MS): Promise<T> {
	const deadline = Date.now() + waitMs;
	for (let attempt = 0; ; attempt++) {
		if (await tryAcquire(lockFile)) break;
		if (await isStale(lockFile)) {
			await rm(lockFile, {force: true}).catch(() => undefined);
			continue;
		}
		if (Date.now() > deadline) {
			throw new LocalFileError('create', lockFile, 'EBUSY', `another oag-offline process holds this lock (remove the file if none runs)`);
		}
		await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30 + Math.min(attempt, 10) * 5));
	}
	try {
		return await work();
	} finally {
		await rm(lockFile, {force: true}).catch(() => undefined);
	}
}

async function tryAcquire(lockFile: string): Promise<boolean> {
	try {
		const handle = await open(lockFile, 'wx', 0o600);
		try {
			await handle.writeFile(`${process.pid}\n`);
		} finally {
			await handle.close();
		}
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw fileFailure('create', lockFile, error);
	}
}

async function isStale(lockFile: string): Promise<boolean> {
	try {
		const [info, text] = await Promise.all([stat(lockFile), readFile(lockFile, 'utf8')]);
		if (Date.now() - info.mtimeMs > STALE_MS) return true;
		const pid = Number(text.trim());
		// An empty file is a lock being written right now, not a stale one.
		if (!Number.isInteger(pid) || pid <= 0) return false;
		return !processExists(pid);
	} catch {
		return false; // gone meanwhile: the next attempt takes it
	}
}

function processExists(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
