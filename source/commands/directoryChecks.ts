import {readFile} from 'node:fs/promises';
import {Option, type Command} from 'commander';
import {isOagError} from '../api/errors.js';
import {snapshotOf} from '../operations/directories.js';
import type {LdapCheckReport} from '../operations/directoryPreflight.js';
import {bodyFileOption, withContext, type CommandContext} from './context.js';
import {configAssignment, directoryBody, presetName, resolveDirectory, type DirectoryFlags} from './directoryBody.js';
import {bindCredential, scrubbed} from './bindCredential.js';
import {CommandFailure, EXIT} from './run.js';

// `directories test IDP DIRECTORY`: the gateway binds (test-directory-connection, from the node of the
// authentication service). `directories check IDP DIRECTORY`: the local pre-flight from this machine
// (DNS, TCP, TLS, bind, the user and group searches). Neither changes anything, so neither is audited.
// Both need the bind credential (the gateway never returns it), and neither prints it.

type CheckFlags = DirectoryFlags & {ldapCaFile?: string; starttls?: boolean; timeout?: string};

/**
 * What to test: the stored directory (DIRECTORY given) with any flags over it, or a directory not created
 * yet from a preset, flags or --file: a wrong attribute or base DN shows up before anything is sent.
 */
async function candidate(ctx: CommandContext, idpArg: string, directoryArg: string | undefined, flags: DirectoryFlags) {
	const gateway = await ctx.openGateway();
	const idp = await ctx.resolveIdp(gateway.client, idpArg);
	const current = directoryArg === undefined ? undefined : resolveDirectory(await gateway.client.directories.list(idp.id), directoryArg, idp.name);
	const body = await directoryBody(ctx, flags, current && snapshotOf(current));
	const credential = body.connection.bindCredential ?? (await bindCredential(ctx, body.connection.bindDn));
	return {gateway, idp, directory: snapshotOf(body), credential};
}

async function gatewayTest(ctx: CommandContext, idpArg: string, directoryArg: string | undefined, flags: DirectoryFlags): Promise<void> {
	const {gateway, idp, directory, credential} = await candidate(ctx, idpArg, directoryArg, flags);
	const {connectionUrl, bindDn} = directory.connection;
	try {
		await gateway.client.directories.testConnection(idp.id, {connectionUrl, bindDn, bindCredential: credential});
	} catch (error) {
		const reason = scrubbed(error instanceof Error ? error.message : String(error), credential);
		const auth = isOagError(error) && (error.kind === 'unauthorized' || error.kind === 'missing-scope');
		throw new CommandFailure(`the gateway could not bind to ${connectionUrl} as ${bindDn}: ${reason}`, auth ? EXIT.auth : EXIT.failure, 'test-failed');
	}
	ctx.print({ok: true, connectionUrl, bindDn}, () => `The gateway bound to ${connectionUrl} as ${bindDn}.`);
}

const MARK = {pass: 'ok  ', warn: 'warn', fail: 'FAIL', skip: '-   '} as const;

export function reportText(report: LdapCheckReport): string {
	const lines: string[] = [];
	for (const step of report.steps) {
		lines.push(`${MARK[step.status]} ${step.title.padEnd(12)} ${step.reason}${step.status === 'skip' ? '' : ` (${step.ms} ms)`}`);
		for (const u of step.users?.samples ?? []) lines.push(`       user  ${u.username ?? '(no username)'}  id ${u.uniqueId ?? '(no id)'}  ${u.dn}`);
		for (const g of step.groups?.samples ?? []) {
			lines.push(`       group ${g.name ?? '(no name)'}  ${g.memberCount} member${g.memberCount === 1 ? '' : 's'}${g.members.length > 0 ? `: ${g.members.join('; ')}` : ''}`);
		}
	}
	lines.push(report.ok ? 'Pre-flight passed.' : 'Pre-flight failed.');
	return lines.join('\n');
}

async function localCheck(ctx: CommandContext, idpArg: string, directoryArg: string | undefined, flags: CheckFlags): Promise<void> {
	let caPem: string | undefined;
	if (flags.ldapCaFile !== undefined) {
		try {
			caPem = await readFile(flags.ldapCaFile, 'utf8');
		} catch {
			throw new CommandFailure(`cannot read the LDAP CA file ${flags.ldapCaFile}`, EXIT.usage);
		}
	}
	const timeoutMs = flags.timeout === undefined ? undefined : Number(flags.timeout) * 1000;
	if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new CommandFailure('--timeout takes a number of seconds', EXIT.usage);
	const {directory, credential} = await candidate(ctx, idpArg, directoryArg, flags);
	// Loaded on use: the LDAP client is not needed by any other command's start.
	const {preflightDirectory} = await import('../operations/directoryPreflight.js');
	const report = await preflightDirectory(directory, credential, {
		...(caPem === undefined ? {} : {caPem}),
		...(flags.starttls ? {startTls: true} : {}),
		...(timeoutMs === undefined ? {} : {timeoutMs}),
	});
	if ('incomplete' in report) {
		throw new CommandFailure(`the directory's config is incomplete (${report.incomplete.join(', ')}): update it first`, EXIT.failure, 'incomplete');
	}
	ctx.print(report, reportText);
	if (!report.ok) ctx.exitWith(EXIT.failure);
}

/** The stored directory, or one described by flags or --file (as `create` takes them), flags over either. */
const candidateOptions = (command: Command): Command =>
	command
		.argument('<idp>', 'IdP id or unique name')
		.argument('[directory]', 'directory id or its unique connection URL (absent: the directory the flags or --file describe)')
		.addOption(new Option('--preset <name>', 'openldap or ad, for a directory not created yet').argParser(presetName))
		.option('--base-dn <DN>', "with --preset: the directory's base DN")
		.option('--url <URL>', 'connection URL over the stored one')
		.option('--bind-dn <DN>', 'bind DN over the stored one')
		.option('--config <key=value>', 'a config field over the stored one (repeatable)', configAssignment)
		.addOption(bodyFileOption());

export function registerDirectoryChecks(directories: Command): void {
	candidateOptions(
		directories.command('test').description("the gateway's own bind test (test-directory-connection), run from its authentication-service node"),
	).action(withContext(async (ctx, idp: string, directory: string | undefined, flags: DirectoryFlags) => gatewayTest(ctx, idp, directory, flags)));
	candidateOptions(directories.command('check').description('a local pre-flight from this machine: DNS, TCP, TLS, bind, user and group searches'))
		.option('--ldap-ca-file <file>', 'CA certificate (PEM) that signs the directory server certificate')
		.option('--starttls', 'upgrade ldap:// with StartTLS before binding')
		.option('--timeout <seconds>', 'per step (default 5)')
		.action(withContext(async (ctx, idp: string, directory: string | undefined, flags: CheckFlags) => localCheck(ctx, idp, directory, flags)));
}
