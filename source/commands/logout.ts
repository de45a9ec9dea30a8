import type {Command} from 'commander';
import {loadProfiles, profileNamed, updateProfiles} from '../config/profiles.js';
import {withContext, type CommandContext} from './context.js';
import {deleteKeyOrWarn} from './profile.js';
import {CommandFailure, EXIT} from './run.js';

export function register(program: Command): void {
	program
		.command('logout')
		.description('delete the stored key of a profile (the current one by default); the profile stays')
		.action(withContext(logout));
}

async function logout(ctx: CommandContext): Promise<void> {
	const data = await loadProfiles();
	const name = ctx.globals.profile ?? data.current;
	if (!name) throw new CommandFailure('no current profile: pass --profile NAME', EXIT.usage);
	const profile = profileNamed(data, name);
	if (!profile) throw new CommandFailure(`no profile named ${name}: see \`oag-offline profile list\``, EXIT.usage);
	if (profile.keyBackend === 'none') {
		// Already logged out: say so rather than claim a deletion that did not happen.
		ctx.print({loggedOut: name, deleted: false}, () => `Profile ${name} has no stored key: nothing to delete`);
		return;
	}
	const warning = await deleteKeyOrWarn(name, profile);
	await updateProfiles((fresh) => {
		const target = profileNamed(fresh, name);
		// A key command is not a secret and lives elsewhere; forget it too, so the profile really has no key.
		if (target) fresh.profiles[name] = {...target, keyBackend: 'none', keyCommand: undefined};
	});
	ctx.print({loggedOut: name, deleted: true, ...(warning ? {warning} : {})}, () => `Logged out of profile ${name}: its stored key is deleted`);
}
