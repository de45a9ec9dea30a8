import type {Command} from 'commander';
import type {SimulatorCommandOptions} from '../simulator/command.js';
import {gatewayVersion, scenario, wholeNumber} from './parsers.js';

export function registerSimulator(program: Command): void {
	program
		.command('simulator')
		.description('run the OAG simulator alone on loopback; prints one JSON line {url, clientId, keyFile, caFile, scopes}')
		.option('--port <n>', 'port to listen on (default: a free one)', wholeNumber(0, 65535))
		.option('--apps <n>', 'number of seeded apps', wholeNumber(0, 100_000))
		.option('--idps <n>', 'number of seeded IdPs', wholeNumber(1, 1000))
		.option('--gateway-version <v>', 'simulated OAG version (group-policy PUT answers 405 from 2026.09.1)', gatewayVersion)
		.option('--latency <ms>', 'added to every response', wholeNumber(0, 60_000))
		.option('--http', 'plain HTTP instead of HTTPS with a generated CA')
		.option('--scenario <name>', 'outage: the IdP outage begins after a while', scenario)
		.action(async (options: SimulatorCommandOptions) => {
			// Loaded on use: certificate generation pulls in a large dependency tree no other command needs.
			const {runSimulatorCommand} = await import('../simulator/command.js');
			await runSimulatorCommand(options);
		});
}
