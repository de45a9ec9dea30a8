import {spawnSync} from 'node:child_process';

/**
 * Binaries a test needs. Outside CI a missing one makes the test skip with a message; in CI
 * (CI=true) it is an error, so a broken runner image can never turn real-service tests into silent skips.
 */
export function missingTools(names: readonly string[]): string[] {
	return names.filter((name) => spawnSync('sh', ['-c', `command -v ${name}`], {stdio: 'ignore'}).status !== 0);
}

/** Undefined when all are present; else a skip reason. Throws in CI. */
export function toolsOrSkip(names: readonly string[]): string | undefined {
	const missing = missingTools(names);
	if (missing.length === 0) return undefined;
	const reason = `missing ${missing.join(', ')} (see scripts/test-deps/keyring.txt)`;
	if (process.env.CI === 'true') throw new Error(`CI must not skip: ${reason}`);
	console.warn(`skipping: ${reason}`);
	return reason;
}
