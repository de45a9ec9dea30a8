import type {Command} from 'commander';
import {loadProfiles, profileNamed, updateProfiles} from '../config/profiles.js';
import {globalsOf} from './globalOptions.js';
import {deleteKeyOrWarn} from './profile.js';
import {CommandFailure, EXIT} from './run.js';

export function register(program: Command): void {
	program
		.command('logout')
		.description('delete the stored key of a profile (the current one by default); the profile stays')
		.action(async (_options: unknown, command: Command) => logout(globalsOf(command).profile, globalsOf(command).json));
}

async function logout(requested: string | undefined, json: boolean | undefined): Promise<void> {
	const data = await loadProfiles();
	const name = requested ?? data.current;
	if (!name) throw new CommandFailure('no current profile: pass --profile NAME', EXIT.usage);
	const profile = profileNamed(data, name);
	if (!profile) throw new CommandFailure(`no profile named ${name}: see \`oag-offline profile list\``, EXIT.usage);
	const warning = profile.keyBackend === 'none' ? undefined : await deleteKeyOrWarn(name, profile);
	await updateProfiles((fresh) => {
		const target = profileNamed(fresh, name);
		// A key command is not a secret and lives elsewhere; forget it too, so the profile really has no key.
		if (target) fresh.profiles[name] = {...target, keyBackend: 'none', keyCommand: undefined};
	});
	if (json) process.stdout.write(JSON.stringify({loggedOut: name, ...(warning ? {warning} : {})}) + '\n');
	else process.stdout.write(`Logged out of profile ${name}: its stored key is deleted\n`);
}
