import {Option, type Command} from 'commander';
import {z} from 'zod';
import type {OagClient} from '../api/clientOptions.js';
import {AuthServiceEnableRequest} from '../api/schemas/authService.js';
import type {Certificate} from '../api/schemas/certificates.js';
import {DEFAULT_DB_PORT} from '../domain/authServiceRules.js';
import {certificateWarnings, findCertificate} from '../domain/certificateRules.js';
import {enableOperation} from '../operations/authService.js';
import {changeAuthServiceSettings, type ChangeResult} from '../operations/authServiceChange.js';
import {bodyFileOption, dryRunOption, withContext, type CommandContext} from './context.js';
import type {Gateway} from './gateway.js';
import {commandRunner, confirmThrough, runOperation} from './operationCommand.js';
import {secretFromEnvOrPrompt} from './secretInput.js';
import {wholeNumber} from './parsers.js';
import {CommandFailure, EXIT} from './run.js';

// `auth-service enable`: from flags, or from --file holding the API's own body (what curl users have),
// flags over the file. The DB password comes from the file, OAG_DB_PASSWORD or a hidden prompt, never a
// flag. --replace changes the settings of an enabled service (disable, then enable; the old setting is
// restored if the new one fails, given its password).

type EnableFlags = {
	serverNode?: string[];
	dbHost?: string;
	dbPort?: number;
	dbUser?: string;
	dbName?: string;
	publicDomain?: string;
	certificate?: string;
	replace?: boolean;
	oldDbUser?: string;
};

/** The request without the password (it is asked for after the body is known to be complete). */
const EnableBodyDraft = z.strictObject({
	...AuthServiceEnableRequest.shape,
	database: AuthServiceEnableRequest.shape.database.extend({password: z.string().optional()}),
	certificateId: z.string(),
});

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function registerEnable(authService: Command): void {
	authService
		.command('enable')
		.description('enable it, from flags or --file BODY.json (password from OAG_DB_PASSWORD or a hidden prompt)')
		.addOption(new Option('--server-node <host>', 'an OAG node that runs the service (repeat for each)').argParser(collect))
		.option('--db-host <host>', 'MySQL host as the server nodes reach it')
		.addOption(new Option('--db-port <port>', `MySQL port (default ${DEFAULT_DB_PORT})`).argParser(wholeNumber(1, 65535)))
		.option('--db-user <user>', 'MySQL user')
		.option('--db-name <name>', 'MySQL database (created beforehand)')
		.option('--public-domain <domain>', 'where users sign in offline, e.g. offline-idp-service.example.com')
		.option('--certificate <id|cn>', 'the certificate: its id or its unique common name (see certs list)')
		.option('--replace', 'if already enabled: change the settings (disable, then enable; restores the old setting if the new one fails)')
		.option('--old-db-user <user>', 'with --replace: the current setting\'s DB user, to restore it (default: --db-user); its password from OAG_OLD_DB_PASSWORD or a prompt')
		.addOption(bodyFileOption())
		.addOption(dryRunOption())
		.action(withContext(async (ctx, flags: EnableFlags) => enable(ctx, flags)));
}

async function certificateFor(ctx: CommandContext, client: OagClient, typed: string | undefined, fromBody: string | undefined): Promise<Certificate | string | undefined> {
	let certificates: Certificate[];
	try {
		certificates = await client.certificates.list();
	} catch (error) {
		// Without okta.oag.cert.read an id still works; a common name cannot be looked up.
		if (typed !== undefined && !/^[0-9a-f-]{36}$/i.test(typed)) throw error;
		ctx.warn(`the certificates could not be read (${(error as Error).message}); the certificate is not checked`);
		return typed ?? fromBody;
	}
	if (typed === undefined) return fromBody === undefined ? undefined : (certificates.find(c => c.id === fromBody) ?? fromBody);
	const found = findCertificate(certificates, typed);
	if (!found.certificate) throw new CommandFailure(found.problem ?? 'no such certificate', EXIT.usage);
	return found.certificate;
}

async function enable(ctx: CommandContext, flags: EnableFlags): Promise<void> {
	const gateway = await ctx.openGateway();
	const client = gateway.client;
	const fileBody = ctx.body(EnableBodyDraft, {
		base: {database: {type: 'mysql', port: DEFAULT_DB_PORT}},
		overrides: {
			serverNodes: flags.serverNode,
			database: {host: flags.dbHost, port: flags.dbPort, username: flags.dbUser, name: flags.dbName},
			publicDomain: flags.publicDomain,
			// Resolved below; a placeholder keeps the schema from asking for the file's certificateId.
			...(flags.certificate === undefined ? {} : {certificateId: flags.certificate}),
		},
	});
	const draft = await fileBody;
	const certificate = await certificateFor(ctx, client, flags.certificate, draft.certificateId);
	const certificateId = typeof certificate === 'string' ? certificate : certificate?.id;
	if (certificateId === undefined) throw new CommandFailure('no certificate: give --certificate ID|CN (oag-offline certs list)', EXIT.usage);
	if (typeof certificate === 'object') for (const warning of certificateWarnings(certificate, draft.publicDomain, Date.now())) ctx.warn(warning);
	else ctx.warn(`the certificate ${certificateId} is not in the gateway's list`);

	const planned = enableOperation(client, {...draft, certificateId, database: {...draft.database, password: ''}});
	// The dry run before the password is asked for: it sends nothing and shows the credentials masked.
	if (ctx.dryRun(planned.request)) return;
	const password =
		draft.database.password ??
		(await secretFromEnvOrPrompt(ctx, 'OAG_DB_PASSWORD', `Database password for ${draft.database.username}@${draft.database.host}: `));
	const body = AuthServiceEnableRequest.parse({...draft, certificateId, database: {...draft.database, password}});

	if (flags.replace && (await client.authService.get())) {
		await replace(ctx, gateway, body, flags.oldDbUser ?? body.database.username);
		return;
	}
	await runOperation(ctx, gateway, enableOperation(client, body));
}

async function replace(ctx: CommandContext, gateway: Gateway, body: AuthServiceEnableRequest, oldUser: string): Promise<void> {
	let oldPassword: string | undefined = process.env.OAG_OLD_DB_PASSWORD || undefined;
	if (oldPassword === undefined && ctx.io.interactive && ctx.io.readHidden) {
		const typed = await ctx.io.readHidden(`Password of ${oldUser} in the CURRENT setting, to restore it if the new values fail (empty: do not restore): `);
		oldPassword = typed === '' ? undefined : typed;
	}
	// Disabling first is dangerous (offline sign-in stops in between): nobody to ask and no --yes is a usage error.
	ctx.requireYes('change the authentication service settings');
	if (oldPassword === undefined) ctx.warn('no password for the current setting (OAG_OLD_DB_PASSWORD): if the new values fail, the service stays disabled');
	const result = await changeAuthServiceSettings(commandRunner(gateway), gateway.client, body, {
		confirm: confirmThrough(ctx),
		...(oldPassword === undefined ? {} : {oldCredentials: {username: oldUser, password: oldPassword}}),
	});
	reportChange(ctx, result);
}

function reportChange(ctx: CommandContext, result: ChangeResult): void {
	for (const step of result.steps) if (step.auditWarning) ctx.warn(step.auditWarning);
	if (!result.ok) throw new CommandFailure(result.message, EXIT.failure, `change-${result.state}`, result.fieldErrors);
	const steps = result.steps.map(({undo: _undo, ...plain}) => plain);
	ctx.print({state: result.state, message: result.message, steps}, r => r.message);
}
