import {readFile} from 'node:fs/promises';
import type {AuthMode, OagClient, OagClientOptions} from '../api/clientOptions.js';
import {createOagClient} from '../api/client.js';
import type {Scope} from '../api/schemas/scopes.js';
import {CaFileError, readCaPem} from '../config/caFile.js';
import {loadProfiles, pickProfile, profileNamed, ProfilesFileError, updateProfiles, type Profile} from '../config/profiles.js';
import {keyLocationLabel, SecretStoreError, type KeyBackendLabel} from '../secrets/labels.js';
import {loadStoredKey} from '../secrets/keyStore.js';
import {checkPrivateKeyPem} from '../secrets/pem.js';
import {PLAINTEXT_WARNING} from '../secrets/plaintextFile.js';
import type {GlobalOptions} from './globalOptions.js';
import {checkedGatewayHost} from './hostCheck.js';
import {CommandFailure, EXIT, secretStoreExitCode} from './run.js';
import {terminalLines} from '../domain/terminalText.js';

export type {KeyBackendLabel} from '../secrets/labels.js';
export {keyLocationLabel} from '../secrets/labels.js';

/** Everything needed to talk to one gateway, resolved from flags, OAG_* and the profile. Holds no secret. */
export type Connection = {
	host: string;
	clientId: string;
	caPem?: string;
	insecure: boolean;
	/** The profile's default, unless a flag said otherwise; commands enforce it. */
	readOnly: boolean;
	profileName?: string;
	keyBackend: KeyBackendLabel;
	/** Fetches the PEM from its store when first called; later calls reuse it. Never log the result. */
	privateKey: () => Promise<string>;
	authMode?: AuthMode;
	scopes?: Scope[];
};

export type ResolveOptions = {
	/** Default true: fail now (exit 2) when no key source is known. False lets status show a profile without a key. */
	needKey?: boolean;
	/** Where the plaintext-storage warning goes; default stderr (it shows on every run, by design). */
	onWarning?: (message: string) => void;
};

const usage = (message: string): CommandFailure => new CommandFailure(message, EXIT.usage);

/**
 * Precedence: flags and OAG_* (commander already folded env into globals) over the profile named by
 * --profile/OAG_PROFILE, else the current profile. When --host and --client-id both come from flags and no
 * profile is named, the current profile is ignored: its key and CA belong to another gateway.
 */
export async function resolveConnection(globals: GlobalOptions, options: ResolveOptions = {}): Promise<Connection> {
	const needKey = options.needKey ?? true;
	const {name: profileName, profile} = await chooseProfile(globals);
	const host = globals.host ?? profile?.host;
	const clientId = globals.clientId ?? profile?.clientId;
	if (!host) throw usage('no gateway host: pass --host HOST (or OAG_HOST), or run `oag-offline login` to create a profile');
	if (!clientId) throw usage('no API client id: pass --client-id ID (or OAG_CLIENT_ID), or run `oag-offline login`');
	checkedGatewayHost(host, globals.host ? '--host' : `the host of profile ${profileName ?? ''}`.trim());

	const caFile = globals.caFile ?? profile?.caFile;
	const caPem = caFile ? await readCaFile(caFile) : undefined;
	const keyFile = globals.keyFile;
	const backend = keyFile ? 'run' : profile?.keyBackend ?? 'none';
	if (needKey && backend === 'none') {
		throw usage(
			profileName
				? `profile ${profileName} has no stored key: run \`oag-offline login --profile ${profileName}\`, or pass --key-file FILE`
				: 'no private key: pass --key-file FILE (or OAG_PRIVATE_KEY_FILE), or run `oag-offline login`',
		);
	}
	if (backend === 'plaintext') (options.onWarning ?? warnOnStderr)(PLAINTEXT_WARNING);

	return {
		host,
		clientId,
		...(caPem ? {caPem} : {}),
		insecure: globals.insecure ?? profile?.defaults?.insecure ?? false,
		readOnly: globals.readOnly ?? profile?.defaults?.readOnly ?? false,
		...(profileName ? {profileName} : {}),
		keyBackend: keyLocationLabel(backend),
		privateKey: once(() => (keyFile ? readRunKeyFile(keyFile) : loadProfileKey(profileName, profile))),
		...(profile?.authMode ? {authMode: profile.authMode} : {}),
		...(profile?.scopes ? {scopes: profile.scopes} : {}),
	};
}

/** An API client for the connection. A detected direct-bearer gateway is remembered in the profile. */
export function connectClient(conn: Omit<Connection, 'keyBackend'> & {keyBackend?: string}, extra: Partial<OagClientOptions> = {}): OagClient {
	const profileName = conn.profileName;
	return createOagClient({
		host: conn.host,
		clientId: conn.clientId,
		privateKey: conn.privateKey,
		insecure: conn.insecure,
		...(conn.caPem ? {caPem: conn.caPem} : {}),
		...(conn.authMode ? {authMode: conn.authMode} : {}),
		...(conn.scopes ? {scopes: conn.scopes} : {}),
		...extra,
		onAuthModeDetected: (mode: AuthMode) => {
			extra.onAuthModeDetected?.(mode);
			if (profileName) void rememberAuthMode(profileName, mode);
		},
	});
}

async function chooseProfile(globals: GlobalOptions): Promise<{name?: string; profile?: Profile}> {
	let data;
	try {
		data = await loadProfiles();
	} catch (error) {
		if (error instanceof ProfilesFileError) throw new CommandFailure(error.message, EXIT.usage);
		throw error;
	}
	if (globals.profile) {
		const picked = pickProfile(data, globals.profile);
		if (!picked) throw usage(`no profile named ${globals.profile}: see \`oag-offline profile list\`, or create it with \`oag-offline login --profile ${globals.profile}\``);
		return picked;
	}
	if (globals.host && globals.clientId) return {};
	return pickProfile(data) ?? {};
}

/** The one CA-file reader of the commands: a missing, unreadable or certificate-less file is a usage error. */
export async function readCaFile(file: string): Promise<string> {
	try {
		return await readCaPem(file);
	} catch (error) {
		throw usage(error instanceof CaFileError ? error.message : `cannot read the CA file ${file}`);
	}
}

async function readRunKeyFile(file: string): Promise<string> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch {
		throw usage(`cannot read the key file ${file}`);
	}
	try {
		return checkPrivateKeyPem(text).pem;
	} catch (error) {
		throw secretFailure(error, `key file ${file}`);
	}
}

async function loadProfileKey(profileName: string | undefined, profile: Profile | undefined): Promise<string> {
	if (!profileName || !profile) throw usage('no private key: pass --key-file FILE, or run `oag-offline login`');
	try {
		return await loadStoredKey(profileName, profile);
	} catch (error) {
		throw secretFailure(error); // the stores' messages already name the profile
	}
}

/** Secret-store problems become one-line command failures: usage (2) when the admin must act, else 1. */
export function secretFailure(error: unknown, where?: string): unknown {
	if (!(error instanceof SecretStoreError)) return error;
	return new CommandFailure(where ? `${where}: ${error.message}` : error.message, secretStoreExitCode(error));
}

async function rememberAuthMode(profileName: string, mode: AuthMode): Promise<void> {
	try {
		await updateProfiles((data) => {
			const profile = profileNamed(data, profileName);
			if (profile) profile.authMode = mode;
		});
	} catch {
		// Only an optimisation: the client detects the mode again next run.
	}
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
	let pending: Promise<T> | undefined;
	return () => {
		pending ??= load().catch((error: unknown) => {
			pending = undefined; // a failed unlock may be retried
			throw error;
		});
		return pending;
	};
}

const warnOnStderr = (message: string): void => {
	process.stderr.write(`oag-offline: ${terminalLines(message)}\n`);
};
