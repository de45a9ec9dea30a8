import {Option, type Command} from 'commander';
import {rm} from 'node:fs/promises';
import path from 'node:path';
import {isProfileName, PROFILE_NAME_RULE, profileFromHost} from '../config/profileName.js';
import {loadProfiles, profileNamed, type Profile} from '../config/profiles.js';
import {keyLocationLabel} from '../secrets/labels.js';
import {PLAINTEXT_WARNING} from '../secrets/plaintextFile.js';
import {canPrompt, confirm} from '../secrets/prompt.js';
import {globalsOf} from './globalOptions.js';
import {checkedGatewayHost} from './hostCheck.js';
import {BACKEND_CHOICES, checkCredentials, chooseBackend, parseScopes, readCa, storeWithExplicitFallback} from './loginBackend.js';
import {pickKeySource, readLoginKey} from './loginKey.js';
import {commitLogin} from './loginStore.js';
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
	if (globals.profile !== undefined && !isProfileName(globals.profile)) {
		throw new CommandFailure(`bad profile name ${JSON.stringify(globals.profile)}: ${PROFILE_NAME_RULE}`, EXIT.usage);
	}
	const named = globals.profile ? profileNamed(existing, globals.profile) : undefined;
	const host = globals.host ?? named?.host;
	const clientId = globals.clientId ?? named?.clientId;
	if (!host) throw new CommandFailure('login needs --host HOST (the gateway admin host)', EXIT.usage);
	if (!clientId) throw new CommandFailure('login needs --client-id ID (shown in the OAG admin UI, API section)', EXIT.usage);
	checkedGatewayHost(host);
	const profileName = globals.profile ?? profileFromHost(host);
	// A re-login of the same host without --profile is a re-login of that profile too.
	const previous: Profile | undefined = named ?? profileNamed(existing, profileName);
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

	// New key first, then the profile switch, then the old key's removal (loginStore.ts).
	const {used} = await commitLogin({
		profileName,
		storeIn: (slot) => storeWithExplicitFallback(slot, backend, key.pem, {yes: globals.yes}),
		warn: (line) => process.stderr.write(`oag-offline: ${line}\n`),
		build: (current, used, slot): Profile => ({
			...current,
			host,
			clientId,
			...(caFile ? {caFile} : {}),
			keyBackend: used,
			...(used === 'command' ? {keyCommand: options.keyCommand} : {keyCommand: undefined}),
			keyFingerprint: key.fingerprint,
			keySlot: slot === profileName ? undefined : slot,
			...(scopes ? {scopes} : {}),
			...(check.authMode ? {authMode: check.authMode} : {}),
			defaults: loginDefaults(current?.defaults, insecure),
		}),
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
