import type {Command} from 'commander';
import {Option} from 'commander';
import type {z} from 'zod';
import type {OagApi} from '../api/OagApi.js';
import type {App, Idp} from '../api/schemas/index.js';
import {buildBody, type BodySources} from './bodyFile.js';
import {resolveConnection, type Connection, type ResolveOptions} from './connect.js';
import {printDryRun, type PlannedRequest} from './dryRun.js';
import {openGateway, type Gateway, type GatewayConnection, type OpenGatewayOptions} from './gateway.js';
import {globalsOf, type GlobalOptions} from './globalOptions.js';
import type {CommandIo} from './io.js';
import {jsonText, printable, printResult} from './output.js';
import {resolveItem} from './resolveItem.js';
import {CommandFailure, EXIT, ioOf, requestExitCode} from './run.js';

/*
 * The command context (gh's factory, for our commands). A command's action receives one; it never reaches
 * for process.stdout, process.argv or the profile file itself. Adopting it:
 *
 *   idps.command('failover').argument('<idp>').argument('<mode>', 'AUTOMATIC|DISABLED', choice(FAILOVER_MODES, 'mode'))
 *     .addOption(dryRunOption())                      // every mutating command
 *     .action(withContext(async (ctx, idpArg: string, mode: FailoverModeValue) => {
 *       const gateway = await ctx.openGateway();       // resolves flags/profile; closed after the action
 *       const idp = await ctx.resolveIdp(gateway.client, idpArg);  // id or unique name, else exit 2
 *       const body = await ctx.body(FailoverModeRequest, {overrides: {mode}});  // with bodyFileOption()
 *       if (ctx.dryRun({method: 'PUT', path: paths.failoverMode(idp.id), body})) return;  // printed, not sent
 *       await ctx.confirm(`Set failover of ${idp.name} to ${mode}?`, idp.name);  // --yes, or typed at a TTY
 *       const result = await gateway.client.idps.setFailoverMode(idp.id, body.mode);
 *       ctx.print(result, r => `Failover of ${idp.name}: [${r.mode}]`);   // text, or JSON under --json
 *     }));
 *
 * Order in a mutating command: build and validate the body, then dryRun (needs neither a TTY nor --yes),
 * then confirm, then send. With the operations runner, the runner sends: runOperation(ctx, gateway, op)
 * (operationCommand.ts) does the dry run, the --yes rule, the confirmation and the outcome. Failures are thrown (CommandFailure with an exit code, or the client's OagError)
 * and runProgram prints them: one line, or under --json `{"error": {"kind", "message"}}` on stderr.
 * Tests build the program with their own io (buildProgram(io)) and call executeProgram in-process.
 */
export type CommandContext = {
	io: CommandIo;
	globals: GlobalOptions;
	json: boolean;
	/** The flags, OAG_* and the profile resolved once (a malformed --host is a usage error here). */
	connection(options?: ResolveOptions): Promise<Connection>;
	/** Client + store for the connection (default: the resolved one); disposed when the action ends. */
	openGateway(connection?: GatewayConnection, options?: OpenGatewayOptions): Promise<Gateway>;
	/** A typed confirmation at a terminal; --yes skips it; without a terminal and --yes it fails (exit 2). */
	confirm(prompt: string, expected: string): Promise<void>;
	/** Fails with exit 2 naming --yes when nobody can be asked (no terminal) and --yes was not given. */
	requireYes(action: string): void;
	/** The result: JSON under --json, else the text (control characters escaped). */
	print<T>(result: T, text: (result: T) => string): void;
	/** Progress for a person, on stderr; silent under --json. */
	info(line: string): void;
	/** A warning on stderr; under --json a line `{"warning": "..."}`. */
	warn(message: string): void;
	/** Finish with this exit code without throwing (4: partial results). The highest requested wins. */
	exitWith(code: number): void;
	/** With --dry-run: prints the requests (secrets masked) and returns true; the command then sends nothing. */
	dryRun(...requests: PlannedRequest[]): boolean;
	readonly isDryRun: boolean;
	/** The request body: base < --file (the API's own JSON, `-` for stdin) < flags, checked by the schema. */
	body<S extends z.ZodType>(schema: S, sources?: Omit<BodySources, 'file'>): Promise<z.output<S>>;
	resolveIdp(api: Pick<OagApi, 'idps'>, typed: string): Promise<Idp>;
	resolveApp(api: Pick<OagApi, 'apps'>, typed: string): Promise<App>;
};

export const dryRunOption = (): Option => new Option('--dry-run', 'print the requests that would be sent (secrets masked) and send nothing');
export const bodyFileOption = (): Option =>
	new Option('--file <BODY.json>', "the API's own JSON request body (- for stdin); flags override its fields");

type CommandOptions = {dryRun?: boolean; file?: string};

export function contextFor(command: Command): CommandContext & {dispose(): Promise<void>} {
	const io = ioOf(command);
	const globals = globalsOf(command);
	const own = command.opts<CommandOptions>();
	const json = globals.json ?? false;
	const opened: Gateway[] = [];
	let resolved: Promise<Connection> | undefined;

	const warn = (message: string): void => {
		io.stderr.write(json ? `${jsonText({warning: message})}\n` : `oag-offline: warning: ${printable(message)}\n`);
	};
	const requireYes = (action: string): void => {
		if (globals.yes || io.interactive) return;
		throw new CommandFailure(`${action}: no terminal to confirm on; pass --yes to go ahead without asking`, EXIT.usage);
	};
	const context: CommandContext & {dispose(): Promise<void>} = {
		io,
		globals,
		json,
		connection: options => (resolved ??= resolveConnection(globals, {onWarning: warn, ...options})),
		async openGateway(connection, options = {}) {
			const gateway = await openGateway(connection ?? (await context.connection()), {onWarning: warn, ...options});
			opened.push(gateway);
			return gateway;
		},
		requireYes,
		async confirm(prompt, expected) {
			if (globals.yes) return;
			requireYes(prompt);
			const answer = await io.readLine(`${printable(prompt)}\nType ${printable(expected)} to confirm (anything else cancels): `);
			if (answer.trim() !== expected) throw new CommandFailure('not confirmed: nothing was changed', EXIT.failure, 'cancelled');
		},
		print: (result, text) => printResult(io, json, result, text),
		info: line => {
			if (!json) io.stderr.write(`${printable(line)}\n`);
		},
		warn,
		exitWith: code => requestExitCode(command, code),
		isDryRun: own.dryRun === true,
		dryRun(...requests) {
			if (own.dryRun !== true) return false;
			printDryRun(io, json, requests);
			return true;
		},
		body: (schema, sources = {}) => buildBody(schema, {...sources, ...(own.file === undefined ? {} : {file: own.file})}, io.stdin),
		resolveIdp: async (api, typed) => resolveItem(await api.idps.list(), typed, 'IdP'),
		resolveApp: async (api, typed) => resolveItem(await api.apps.list(), typed, 'app'),
		async dispose() {
			await Promise.all(opened.splice(0).map(gateway => gateway.dispose()));
		},
	};
	return context;
}

/**
 * A commander action that receives the context first, then the command's arguments (and its options
 * object, as commander passes it). Gateways the action opened are disposed when it ends, also on failure.
 */
export function withContext<Args extends unknown[]>(
	action: (context: CommandContext, ...args: Args) => Promise<void>,
): (...args: unknown[]) => Promise<void> {
	return async (...args: unknown[]) => {
		const command = args[args.length - 1] as Command;
		const context = contextFor(command);
		try {
			await action(context, ...(args.slice(0, -1) as Args));
		} finally {
			await context.dispose();
		}
	};
}
