import {userInfo} from 'node:os';

/** The OS user for the audit line; a machine without a passwd entry still gets a line. */
export function osUser(env: NodeJS.ProcessEnv = process.env): string {
	try {
		return userInfo().username;
	} catch {
		return env.USER ?? env.USERNAME ?? `uid ${process.getuid?.() ?? '?'}`;
	}
}
