import {Option, type Command} from 'commander';
import type {Directory} from '../api/schemas/directories.js';
import {
	createDirectoryOperation,
	deleteDirectoryOperation,
	DIRECTORY_SYNC_NOTE,
	snapshotOf,
	updateDirectoryOperation,
} from '../operations/directories.js';
import {bodyFileOption, dryRunOption, withContext, type CommandContext} from './context.js';
import {checkDirectoryBody, configAssignment, directoryBody, presetName, resolveDirectory, type DirectoryFlags} from './directoryBody.js';
import {registerDirectoryChecks} from './directoryChecks.js';
import {bindCredential} from './bindCredential.js';
import {runOperation} from './operationCommand.js';

// `oag-offline directories list|create|update|delete|test|check IDP ...`: an IdP's offline LDAP/AD
// directories. Changes go through the directory operations (read-only rule, confirmation, verify, audit);
// the bind credential comes from OAG_BIND_CREDENTIAL or a hidden prompt, never from a flag.

const listText = (rows: Directory[]): string =>
	rows.length === 0
		? 'No directories: offline sign-in through this IdP finds no users.'
		: rows
				.map(d => `${d.id}  ${d.type}  ${d.connection.connectionUrl}  bind ${d.connection.bindDn}  users ${d.config.userSearchDn ?? '?'}`)
				.join('\n');

async function list(ctx: CommandContext, idpArg: string): Promise<void> {
	const gateway = await ctx.openGateway();
	const idp = await ctx.resolveIdp(gateway.client, idpArg);
	ctx.print(await gateway.client.directories.list(idp.id), listText);
}

type CreateFlags = DirectoryFlags & {dryRun?: boolean};
type UpdateFlags = DirectoryFlags & {dryRun?: boolean; newCredential?: boolean};

async function create(ctx: CommandContext, idpArg: string, flags: CreateFlags): Promise<void> {
	const gateway = await ctx.openGateway();
	const idp = await ctx.resolveIdp(gateway.client, idpArg);
	const body = await directoryBody(ctx, flags);
	checkDirectoryBody(body, false);
	// A dry run needs no credential: the request shows it masked either way.
	const credential = body.connection.bindCredential ?? (ctx.isDryRun ? '(asked when sent)' : await bindCredential(ctx, body.connection.bindDn));
	const full = {...body, connection: {...body.connection, bindCredential: credential}};
	checkDirectoryBody(full, true);
	await runOperation(ctx, gateway, createDirectoryOperation(gateway.client, {id: idp.id, name: idp.name}, full), {notes: [DIRECTORY_SYNC_NOTE]});
}

async function update(ctx: CommandContext, idpArg: string, directoryArg: string, flags: UpdateFlags): Promise<void> {
	const gateway = await ctx.openGateway();
	const idp = await ctx.resolveIdp(gateway.client, idpArg);
	const current = resolveDirectory(await gateway.client.directories.list(idp.id), directoryArg, idp.name);
	const body = await directoryBody(ctx, flags, snapshotOf(current));
	checkDirectoryBody(body, false);
	const credential = flags.newCredential && !ctx.isDryRun ? await bindCredential(ctx, body.connection.bindDn) : body.connection.bindCredential;
	const {bindCredential: _none, ...connection} = body.connection;
	const sent = {...body, connection: credential === undefined ? connection : {...connection, bindCredential: credential}};
	const notes = [...(credential === undefined ? ['The stored bind credential was kept.'] : []), DIRECTORY_SYNC_NOTE];
	await runOperation(ctx, gateway, updateDirectoryOperation(gateway.client, {id: idp.id, name: idp.name}, current.id, sent), {notes});
}

async function remove(ctx: CommandContext, idpArg: string, directoryArg: string): Promise<void> {
	const gateway = await ctx.openGateway();
	const idp = await ctx.resolveIdp(gateway.client, idpArg);
	const current = resolveDirectory(await gateway.client.directories.list(idp.id), directoryArg, idp.name);
	await runOperation(ctx, gateway, deleteDirectoryOperation(gateway.client, {id: idp.id, name: idp.name}, {...snapshotOf(current), id: current.id}), {
		notes: ['This cannot be undone here: recreating it needs the bind credential again (`directories create`).', DIRECTORY_SYNC_NOTE],
	});
}

const bodyOptions = (command: Command): Command =>
	command
		.option('--url <URL>', 'connection URL: ldap://host:389 or ldaps://host:636')
		.option('--bind-dn <DN>', 'the DN the gateway binds as')
		.option('--config <key=value>', 'a config field (repeatable; object-class lists comma-separated)', configAssignment)
		.addOption(bodyFileOption())
		.addOption(dryRunOption());

export function registerDirectories(program: Command): void {
	const directories = program
		.command('directories')
		.description("an IdP's offline LDAP/AD directories (changes reach the gateway at its next hourly sync)");
	directories
		.command('list')
		.description('the directories of an IdP')
		.argument('<idp>', 'IdP id or unique name')
		.action(withContext(async (ctx, idp: string) => list(ctx, idp)));
	bodyOptions(
		directories
			.command('create')
			.description('create a directory from a preset and flags, or from --file BODY.json (bind credential: OAG_BIND_CREDENTIAL or a prompt)')
			.argument('<idp>', 'IdP id or unique name')
			.addOption(new Option('--preset <name>', 'openldap or ad: the config fields of the guide').argParser(presetName))
			.option('--base-dn <DN>', "the directory's base DN, under which the preset's ou=users and ou=groups sit"),
	).action(withContext(async (ctx, idp: string, flags: CreateFlags) => create(ctx, idp, flags)));
	bodyOptions(
		directories
			.command('update')
			.description('replace a directory (PUT): its current values < --file < flags; the bind credential is kept unless --new-credential')
			.argument('<idp>', 'IdP id or unique name')
			.argument('<directory>', 'directory id or its unique connection URL')
			.option('--new-credential', 'send a new bind credential (OAG_BIND_CREDENTIAL or a prompt)'),
	).action(withContext(async (ctx, idp: string, directory: string, flags: UpdateFlags) => update(ctx, idp, directory, flags)));
	directories
		.command('delete')
		.description('delete a directory (type DELETE to confirm, or --yes)')
		.argument('<idp>', 'IdP id or unique name')
		.argument('<directory>', 'directory id or its unique connection URL')
		.addOption(dryRunOption())
		.action(withContext(async (ctx, idp: string, directory: string) => remove(ctx, idp, directory)));
	registerDirectoryChecks(directories);
}
