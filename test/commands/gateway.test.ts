import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openGateway, type GatewayConnection} from '../../source/commands/gateway.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {startTestSimulator} from '../helpers/simulator.js';

// openGateway: the one place that builds a client and a store (commands, TUI, Setup and demo).

let sim: RunningSimulator;

beforeAll(async () => {
	sim = await startTestSimulator({idps: 3});
});
afterAll(async () => {
	await sim?.close();
});

function demoConnection(onKey: () => void): GatewayConnection {
	return {
		host: sim.url,
		clientId: sim.clientId,
		caPem: sim.caPem!,
		insecure: false,
		readOnly: true,
		keyBackend: 'demo (in memory)',
		privateKey: async () => {
			onKey();
			return sim.privateKeyPem;
		},
	};
}

describe('openGateway', () => {
	it('gives a store that loads through the client, labelled as the connection says', async () => {
		let keyReads = 0;
		const gateway = await openGateway(demoConnection(() => keyReads++), {profileLabel: 'demo', unlockKeyFirst: true});
		// The key is fetched before openGateway returns (a passphrase prompt must precede the TUI's raw mode).
		expect(keyReads).toBe(1);
		expect(gateway.store.state.getState().connection).toMatchObject({profile: 'demo', keyBackend: 'demo (in memory)', readOnly: true, host: new URL(sim.url).host});
		await gateway.store.load('idps');
		expect(gateway.store.state.getState().idps.items.map(entry => entry.idp.name)).toContain('Okta Production');
		expect((await gateway.client.idps.list()).length).toBe(3);
		await gateway.dispose();
		await gateway.dispose();
	});

	it("the store's dispose also closes the client, so a holder of the store alone releases both", async () => {
		const gateway = await openGateway(demoConnection(() => {}));
		expect(gateway.store.state.getState().connection.profile).toBe('(from flags)');
		await gateway.client.idps.list();
		gateway.store.dispose();
		await expect(gateway.client.idps.list()).rejects.toThrow();
	});
});
