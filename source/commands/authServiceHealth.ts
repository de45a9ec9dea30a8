import {InvalidArgumentError, Option, type Command} from 'commander';
import type {OagClient} from '../api/clientOptions.js';
import {isOagError} from '../api/errors.js';
import {healthAdvice} from '../domain/authServiceHealth.js';
import {healthMeaning} from '../domain/healthMeaning.js';
import {withContext, type CommandContext} from './context.js';
import {EXIT} from './run.js';

// `auth-service health [--watch]`: the gateway's health check of the authentication service. With
// --watch it polls and prints a line only when something changes (status, details, reachability), so a
// log of an incident holds the transitions, not thousands of identical lines; `--watch --json` writes one
// JSON object per line for logging and alerting. Ctrl+C ends it (exit 130).

export type HealthSample = {
	time: string;
	/** The gateway's status, NOT_ENABLED when the service is off, UNREACHABLE when the call failed. */
	status: string;
	meaning: string;
	lastChecked?: string;
	details?: string;
	error?: string;
	advice: string[];
};

/**
 * What a watch rides out, as an UNREACHABLE line: the gateway down, slow, failing or throttling, which is
 * what an incident looks like. Waiting does not fix the rest (a refused key, a missing scope, a TLS or key
 * file problem): those end the watch with their own exit code.
 */
const TRANSIENT = new Set(['network', 'timeout', 'server', 'rate-limited', 'bad-response']);
const endsWatch = (error: unknown): boolean => !isOagError(error) || !TRANSIENT.has(error.kind);

async function sample(client: OagClient, rethrow: (error: unknown) => boolean): Promise<HealthSample> {
	const time = new Date().toISOString();
	try {
		const check = await client.authService.health();
		if (!check) return {time, status: 'NOT_ENABLED', meaning: 'the authentication service is not enabled', advice: []};
		const setting = check.status === 'HEALTHY' ? undefined : await client.authService.get().catch(() => undefined);
		return {
			time,
			status: check.status,
			meaning: healthMeaning(check.status),
			...(check.lastChecked === undefined ? {} : {lastChecked: check.lastChecked}),
			...(check.details === undefined ? {} : {details: check.details}),
			advice: healthAdvice({status: check.status, ...(setting ? {serverNodes: setting.serverNodes, database: setting.database, publicDomain: setting.publicDomain} : {})}),
		};
	} catch (error) {
		if (rethrow(error)) throw error;
		return {time, status: 'UNREACHABLE', meaning: 'the gateway did not answer the health check', error: isOagError(error) ? `${error.kind}: ${error.message}` : String(error), advice: []};
	}
}

const sampleText = (s: HealthSample): string =>
	[
		`${s.time}  [${s.status}] ${s.meaning}${s.details ? `: ${s.details}` : ''}${s.error ? `: ${s.error}` : ''}`,
		...(s.advice.length > 0 ? ['  Check next, in order:', ...s.advice.map(step => `    ${step}`)] : []),
	].join('\n');

/** What makes a new line: not the timestamps, which move on every check. */
const changeKey = (s: HealthSample): string => JSON.stringify([s.status, s.details ?? '', s.error ?? '']);

const seconds = (text: string): number => {
	const value = Number(text);
	if (!Number.isFinite(value) || value < 0.1 || value > 3600) throw new InvalidArgumentError('expected seconds from 0.1 to 3600');
	return value;
};

export function registerHealth(authService: Command): void {
	authService
		.command('health')
		.description('its health check; --watch prints each change (with --json one JSON line per change)')
		.option('--watch', 'keep polling and print each change until Ctrl+C')
		.addOption(new Option('--interval <seconds>', 'with --watch: seconds between checks').default(5, '5').argParser(seconds))
		.addOption(new Option('--max-changes <n>', 'with --watch: stop after printing N lines').argParser(text => Number.parseInt(text, 10)))
		.action(
			withContext(async (ctx, options: {watch?: boolean; interval: number; maxChanges?: number}) => {
				const gateway = await ctx.openGateway();
				if (!options.watch) {
					// One check: a failure is the command's failure, with its exit code (3 for auth, 1 otherwise).
					ctx.print(await sample(gateway.client, () => true), sampleText);
					return;
				}
				await watch(ctx, gateway.client, options.interval * 1000, options.maxChanges ?? Number.POSITIVE_INFINITY);
			}),
		);
}

async function watch(ctx: CommandContext, client: OagClient, intervalMs: number, maxChanges: number): Promise<void> {
	let interrupted = false;
	let wake: (() => void) | undefined;
	const onInterrupt = (): void => {
		interrupted = true;
		wake?.();
	};
	process.once('SIGINT', onInterrupt);
	try {
		let last: string | undefined;
		let lastStatus: string | undefined;
		let printed = 0;
		while (!interrupted && printed < maxChanges) {
			const current = await sample(client, endsWatch);
			lastStatus = current.status;
			if (changeKey(current) !== last) {
				last = changeKey(current);
				printed++;
				ctx.print(current, sampleText);
			}
			if (printed >= maxChanges) break;
			await new Promise<void>(resolve => {
				const timer = setTimeout(resolve, intervalMs);
				wake = () => (clearTimeout(timer), resolve());
			});
		}
		if (interrupted) ctx.exitWith(EXIT.interrupted);
		// Stopped by --max-changes: the exit code says whether the gateway answered the last check.
		else if (lastStatus === 'UNREACHABLE') ctx.exitWith(EXIT.failure);
	} finally {
		process.off('SIGINT', onInterrupt);
	}
}
