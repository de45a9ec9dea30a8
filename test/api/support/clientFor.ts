import {createOagClient} from '../../../source/api/client.js';
import type {OagClient, OagClientOptions, RequestEvent} from '../../../source/api/clientOptions.js';
import type {RunningSimulator} from '../../../source/simulator/types.js';

// An API client bound to a test simulator over TLS (trusting its CA), with quick retries so fault tests
// stay fast. Warnings and request events are collected for assertions.

export type TestClient = OagClient & {warnings: string[]; events: RequestEvent[]};

export function clientFor(
	sim: Pick<RunningSimulator, 'url' | 'clientId' | 'privateKeyPem' | 'caPem'>,
	overrides: Partial<OagClientOptions> = {},
): TestClient {
	const warnings: string[] = [];
	const events: RequestEvent[] = [];
	const client = createOagClient({
		host: sim.url,
		clientId: sim.clientId,
		privateKey: sim.privateKeyPem,
		...(sim.caPem ? {caPem: sim.caPem} : {}),
		retries: {max: 3, baseDelayMs: 5, maxDelayMs: 20},
		timeouts: {connectMs: 2000, totalMs: 5000},
		onWarning: (message) => warnings.push(message),
		onRequest: (event) => events.push(event),
		...overrides,
	});
	return Object.assign(client, {warnings, events});
}
