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
		const stale = await staleLock(lockFile);
		if (stale) {
			// Removed only if it is still the lock judged stale: another waiter may have replaced it meanwhile.
			const now = await lockSignature(lockFile);
			if (now && now.text === stale.text && now.mtimeMs === stale.mtimeMs) await rm(lockFile, {force: true}).catch(() => undefined);
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

type LockSignature = {text: string; mtimeMs: number};

async function lockSignature(lockFile: string): Promise<LockSignature | undefined> {
	try {
		const [info, text] = await Promise.all([stat(lockFile), readFile(lockFile, 'utf8')]);
		return {text, mtimeMs: info.mtimeMs};
	} catch {
		return undefined; // gone meanwhile: the next attempt takes it
	}
}

/** The lock's signature when its holder is gone or it is older than STALE_MS; else undefined. */
async function staleLock(lockFile: string): Promise<LockSignature | undefined> {
	const signature = await lockSignature(lockFile);
	if (!signature) return undefined;
	if (Date.now() - signature.mtimeMs > STALE_MS) return signature;
	const pid = Number(signature.text.trim());
	// An empty file is a lock being written right now, not a stale one.
	if (!Number.isInteger(pid) || pid <= 0) return undefined;
	return processExists(pid) ? undefined : signature;
}

function processExists(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
