import {startSimulator} from './index.js';
import type {SimulatorOptions} from './types.js';

// `oag-offline simulator`: runs the simulator alone. stdout carries exactly one JSON line (so scripts
// can read it); request logs go to stderr, and only with OAG_SIM_LOG=1.

export type SimulatorCommandOptions = {
	port?: number;
	apps?: number;
	idps?: number;
	gatewayVersion?: string;
	latency?: number;
	http?: boolean;
	scenario?: 'outage';
	/** Where the key and CA files go (default: a new temp dir). */
	dataDir?: string;
};

/** The outage scenario gives a viewer time to see the healthy state first. */
export const OUTAGE_SCENARIO_AFTER_SECONDS = 30;

export async function runSimulatorCommand(opts: SimulatorCommandOptions): Promise<void> {
	const options: SimulatorOptions = {
		port: opts.port,
		apps: opts.apps,
		idps: opts.idps,
		gatewayVersion: opts.gatewayVersion,
		http: opts.http ?? false,
		dataDir: opts.dataDir,
		faults: opts.latency ? {latencyMs: opts.latency} : {},
		outageAfterSeconds: opts.scenario === 'outage' ? OUTAGE_SCENARIO_AFTER_SECONDS : undefined,
	};
	const sim = await startSimulator(options);
	const announcement = {
		url: sim.url,
		clientId: sim.clientId,
		keyFile: sim.keyFile,
		...(sim.caFile ? {caFile: sim.caFile} : {}),
		scopes: sim.scopes,
	};
	process.stdout.write(JSON.stringify(announcement) + '\n');

	await new Promise<void>(resolve => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			void sim.close().then(resolve);
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
}
