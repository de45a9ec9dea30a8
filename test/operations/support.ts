import {createOagClient} from '../../source/api/client.js';
import type {OagClient} from '../../source/api/clientOptions.js';
import type {RunningSimulator, SimulatorOptions} from '../../source/simulator/types.js';
import {startTestSimulator} from '../helpers/simulator.js';

// A simulator and a client bound to it, for operations that must meet the real contract.

export type SimClient = {sim: RunningSimulator; client: OagClient; close(): Promise<void>};

export async function simWithClient(options: SimulatorOptions = {}): Promise<SimClient> {
	const sim = await startTestSimulator(options);
	const client = createOagClient({
		host: sim.url,
		clientId: sim.clientId,
		privateKey: sim.privateKeyPem,
		...(sim.caPem ? {caPem: sim.caPem} : {}),
		retries: {max: 0},
	});
	return {
		sim,
		client,
		async close() {
			await client.close();
			await sim.close();
		},
	};
}

/** Failover-mode writes the simulator received (its counters key routes by template). */
export const failoverPosts = (sim: RunningSimulator): number =>
	Object.entries(sim.control.counters().byRoute)
		.filter(([route]) => /^POST \/api\/v2\/idps\/[^/]+\/offline-mode$/.test(route))
		.reduce((sum, [, count]) => sum + count, 0);
