import {Option, type Command} from 'commander';
import {rm} from 'node:fs/promises';
import path from 'node:path';
import {loadProfiles, ProfileName, updateProfiles, type Profile} from '../config/profiles.js';
import {keyLocationLabel} from '../secrets/labels.js';
import {deleteStoredKey} from '../secrets/keyStore.js';
import {PLAINTEXT_WARNING} from '../secrets/plaintextFile.js';
import {canPrompt, confirm} from '../secrets/prompt.js';
import {globalsOf} from './globalOptions.js';
import {checkedGatewayHost} from './hostCheck.js';
import {BACKEND_CHOICES, checkCredentials, chooseBackend, parseScopes, readCa, storeWithExplicitFallback} from './loginBackend.js';
import {pickKeySource, readLoginKey} from './loginKey.js';
import {CommandFailure, EXIT} from './run.js';

type LoginOptions = {
	keyStdin?: boolean;
	backend?: string;
	keyCommand?: string;
	insecureStorage?: boolean;
	deleteKeyFile?: boolean;
	scopes?: string;
};

export function register(program: Command): void {
	program
		.command('login')
		.description('import the API client key once, check it against the gateway, store it and save a profile')
		.option('--key-stdin', 'read the PEM from stdin')
		.addOption(new Option('--backend <backend>', 'where to store the key').choices([...BACKEND_CHOICES]))
		.option('--key-command <command>', 'a command that prints the PEM (e.g. "pass show oag/gw1"); nothing is stored')
		.option('--insecure-storage', 'allow storing the key unencrypted (warns on every run)')
		.option('--delete-key-file', 'delete the imported key file afterwards without asking')
		.option('--scopes <scopes>', 'scopes this API client was given (comma separated); default: all')
		.action(async (options: LoginOptions, command: Command) => login(options, command));
}

async function login(options: LoginOptions, command: Command): Promise<void> {
	const globals = globalsOf(command);
	const existing = await loadProfiles();
	const previous: Profile | undefined = globals.profile ? existing.profiles[globals.profile] : undefined;
	const host = globals.host ?? previous?.host;
	const clientId = globals.clientId ?? previous?.clientId;
	if (!host) throw new CommandFailure('login needs --host HOST (the gateway admin host)', EXIT.usage);
	if (!clientId) throw new CommandFailure('login needs --client-id ID (shown in the OAG admin UI, API section)', EXIT.usage);
	checkedGatewayHost(host);
	const profileName = globals.profile ?? profileNameFromHost(host);
	if (!ProfileName.safeParse(profileName).success) {
		throw new CommandFailure(`bad profile name ${profileName}: use letters, digits, ".", "_" or "-"`, EXIT.usage);
	}
	const backend = chooseBackend(options);
	const source = pickKeySource({keyFile: globals.keyFile, keyStdin: options.keyStdin, keyCommand: options.keyCommand});
	const caFile = globals.caFile ? path.resolve(globals.caFile) : previous?.caFile;
	const caPem = await readCa(caFile);
	const insecure = globals.insecure ?? false;
	const scopes = parseScopes(options.scopes) ?? previous?.scopes;

	const key = await readLoginKey(source);
	info(globals.json, `Key: ${key.type}, public key ${key.fingerprint}`);

	info(globals.json, `Checking the credentials against ${host}...`);
	const check = await checkCredentials({host, clientId, ...(caPem ? {caPem} : {}), insecure, pem: key.pem, ...(scopes ? {scopes} : {})});
	info(globals.json, check.note ?? `Credentials accepted (${check.idps ?? 0} IdPs readable).`);

	const used = await storeWithExplicitFallback(profileName, backend, key.pem, {yes: globals.yes});
	if (previous && previous.keyBackend !== used) {
		// The old copy of the key must not linger in a backend the profile no longer uses.
		await deleteStoredKey(profileName, previous, {}, used).catch((error: unknown) => {
			info(globals.json, `warning: could not remove the key's previous copy: ${error instanceof Error ? error.message : 'failed'}`);
		});
	}
	const profile: Profile = {
		...previous,
		host,
		clientId,
		...(caFile ? {caFile} : {}),
		keyBackend: used,
		...(used === 'command' ? {keyCommand: options.keyCommand} : {keyCommand: undefined}),
		keyFingerprint: key.fingerprint,
		...(scopes ? {scopes} : {}),
		...(check.authMode ? {authMode: check.authMode} : {}),
		defaults: loginDefaults(previous?.defaults, insecure),
	};
	await updateProfiles((data) => {
		data.profiles[profileName] = profile;
		data.current = profileName;
	});
	if (used === 'plaintext') process.stderr.write(`oag-offline: ${PLAINTEXT_WARNING}\n`);

	const keyFileDeleted = source.kind === 'file' ? await maybeDeleteKeyFile(source.file, options, globals.yes) : false;
	report(globals.json, {profile: profileName, host, clientId, keyBackend: keyLocationLabel(used), fingerprint: key.fingerprint, authMode: check.authMode, keyFileDeleted});
}

/**
 * The profile's defaults after this login. `insecure` follows this login's --insecure alone: an earlier
 * `login --insecure` must not switch certificate checks off for good once the admin has a CA file.
 */
export function loginDefaults(previous: Profile['defaults'], insecure: boolean): Profile['defaults'] {
	const {insecure: _earlier, ...kept} = previous ?? {};
	const defaults = insecure ? {...kept, insecure: true} : kept;
	return Object.keys(defaults).length > 0 ? defaults : undefined;
}

/** The imported file is a plaintext copy of the key: offer to delete it. With --yes it stays unless asked. */
async function maybeDeleteKeyFile(file: string, options: LoginOptions, yes: boolean | undefined): Promise<boolean> {
	let remove = Boolean(options.deleteKeyFile);
	if (!remove && !yes && canPrompt()) remove = await confirm(`Delete the imported key file ${file}?`);
	if (!remove) {
		process.stderr.write(`oag-offline: the key file ${file} was kept; delete it once you no longer need it\n`);
		return false;
	}
	await rm(file, {force: true});
	return true;
}

/** `gw1.example.com:8443` -> `gw1.example.com-8443`: a readable default profile name. */
export function profileNameFromHost(host: string): string {
	const bare = host.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
	const name = bare.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 64);
	return name || 'default';
}

function info(json: boolean | undefined, line: string): void {
	// Progress goes to stderr so that stdout carries only the result (and only JSON with --json).
	if (!json) process.stderr.write(`${line}\n`);
}

function report(json: boolean | undefined, result: Record<string, unknown>): void {
	if (json) {
		process.stdout.write(JSON.stringify(result) + '\n');
		return;
	}
	process.stdout.write(
		`Logged in: profile ${String(result.profile)} (${String(result.host)}), key in ${String(result.keyBackend)}, now the current profile\n`,
	);
}
