import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

// Real file-system faults for the transactional-login tests: a read-only bind mount and a tiny tmpfs.
// Mounting needs root on Linux, which CI has; elsewhere the tests skip with a message, and in CI (CI=true)
// a runner that cannot mount is an error, never a silent skip.

function run(args: string[]): void {
	const result = spawnSync('mount', args, {encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`mount ${args.join(' ')} failed: ${result.stderr.trim()}`);
}

/** Undefined when mounts work here; else a skip reason. Throws in CI. */
export function mountsOrSkip(): string | undefined {
	let reason: string | undefined;
	if (process.platform !== 'linux' || process.getuid?.() !== 0) reason = 'file-system fault tests need root on Linux (mount)';
	else {
		const probe = mkdtempSync(path.join(tmpdir(), 'oag-mount-probe-'));
		try {
			run(['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe]);
			unmount(probe);
		} catch (error) {
			reason = (error as Error).message;
		} finally {
			rmdirSync(probe);
		}
	}
	if (reason && process.env.CI === 'true') throw new Error(`CI must not skip: ${reason}`);
	if (reason) console.warn(`skipping: ${reason}`);
	return reason;
}

/** Makes `dir` read-only in place (a read-only bind mount of itself). */
export function mountReadOnly(dir: string): void {
	run(['--bind', dir, dir]);
	run(['-o', 'remount,ro,bind', dir]);
}

/** A tmpfs of `size` (e.g. "64k") at `dir`. */
export function mountTmpfs(dir: string, size: string): void {
	run(['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
}

export function unmount(dir: string): void {
	const result = spawnSync('umount', [dir], {encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`umount ${dir} failed: ${result.stderr.trim()}`);
}
