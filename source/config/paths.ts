import envPaths from 'env-paths';
import path from 'node:path';

export type OagPaths = {
	/** Profiles and settings. Never a secret. */
	config: string;
	/** Logs and the audit trail: may be deleted, but should survive restarts. */
	state: string;
	/** Encrypted key material (envelope and passphrase files): losing it means running login again. */
	keys: string;
};

/**
 * XDG locations (env-paths honours XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_DATA_HOME on Linux and
 * uses the native places on macOS and Windows). OAG_CONFIG_DIR puts everything under one directory,
 * which tests use to stay out of the real home directory.
 */
export function oagPaths(env: NodeJS.ProcessEnv = process.env): OagPaths {
	const override = env.OAG_CONFIG_DIR;
	if (override) {
		return {config: override, state: env.OAG_STATE_DIR ?? path.join(override, 'state'), keys: path.join(override, 'keys')};
	}
	const xdg = envPaths('oag-offline', {suffix: ''});
	return {config: xdg.config, state: env.OAG_STATE_DIR ?? xdg.log, keys: path.join(xdg.data, 'keys')};
}

export const profilesFile = (paths: OagPaths = oagPaths()): string => path.join(paths.config, 'profiles.yaml');
