import type {Command} from 'commander';
import {loadProfiles, profileNamed, updateProfiles, type Profile} from '../config/profiles.js';
import {keyLocationLabel} from '../secrets/labels.js';
import {deleteStoredKey} from '../secrets/keyStore.js';
import {keychainAccount, KEYCHAIN_SERVICE} from '../secrets/keychainBackend.js';
import {slotOf} from '../secrets/keySlot.js';
import {withContext, type CommandContext} from './context.js';
import {CommandFailure, EXIT} from './run.js';

export function register(program: Command): void {
	const profile = program.command('profile').description('list, switch and remove saved gateway profiles');
	profile
		.command('list')
		.description('saved profiles; * marks the current one')
		.action(withContext(list));
	profile
		.command('use')
		.argument('<name>', 'profile to make current')
		.description('make a profile the current one')
		.action(withContext(use));
	profile
		.command('remove')
		.argument('<name>', 'profile to remove')
		.description('remove a profile and delete its stored key (keychain entry and key files)')
		.action(withContext(remove));
}

export const describeProfile = (name: string, profile: Profile, current: string | undefined) => ({
	name,
	current: name === current,
	host: profile.host,
	clientId: profile.clientId,
	key: keyLocationLabel(profile.keyBackend),
	...(profile.keyFingerprint ? {fingerprint: profile.keyFingerprint} : {}),
	...(profile.caFile ? {caFile: profile.caFile} : {}),
	...(profile.authMode ? {authMode: profile.authMode} : {}),
});

async function list(ctx: CommandContext): Promise<void> {
	const data = await loadProfiles();
	const rows = Object.entries(data.profiles).map(([name, profile]) => describeProfile(name, profile, data.current));
	ctx.print(rows, () => {
		if (rows.length === 0) return 'No profiles yet: run `oag-offline login --host HOST --client-id ID --key-file FILE`';
		const table = [['', 'NAME', 'HOST', 'CLIENT ID', 'KEY'], ...rows.map((row) => [row.current ? '*' : '', row.name, row.host, row.clientId, row.key])];
		const widths = table[0]!.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
		return table.map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
	});
}

async function use(ctx: CommandContext, name: string): Promise<void> {
	await updateProfiles((data) => {
		if (!profileNamed(data, name)) throw noSuchProfile(name);
		data.current = name;
	});
	ctx.print({current: name}, () => `Current profile: ${name}`);
}

async function remove(ctx: CommandContext, name: string): Promise<void> {
	const data = await loadProfiles();
	const profile = profileNamed(data, name);
	if (!profile) throw noSuchProfile(name);
	const keyWarning = await deleteKeyOrWarn(name, profile);
	await updateProfiles((fresh) => {
		delete fresh.profiles[name];
		if (fresh.current === name) delete fresh.current;
	});
	ctx.print({removed: name, ...(keyWarning ? {warning: keyWarning} : {})}, () => `Removed profile ${name} and its stored key`);
}

/**
 * The envelope file is deleted before the keychain is asked, so even when the keychain cannot be reached the
 * key is gone; only a useless data key may remain, and the admin is told its name.
 */
export async function deleteKeyOrWarn(name: string, profile: Profile): Promise<string | undefined> {
	try {
		await deleteStoredKey(name, profile);
		return undefined;
	} catch (error) {
		const reason = error instanceof Error ? error.message : 'failed';
		const warning = `the keychain entry ${KEYCHAIN_SERVICE}/${keychainAccount(slotOf(name, profile))} could not be deleted (${reason}); the encrypted key file is gone, so it decrypts nothing, but remove it when the keychain is back`;
		process.stderr.write(`oag-offline: warning: ${warning}\n`);
		return warning;
	}
}

const noSuchProfile = (name: string): CommandFailure =>
	new CommandFailure(`no profile named ${name}: see \`oag-offline profile list\``, EXIT.usage);
