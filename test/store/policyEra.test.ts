import {describe, expect, it} from 'vitest';
import {createOagClient} from '../../source/api/client.js';
import {createOagStore} from '../../source/store/createOagStore.js';
import {startTestSimulator} from '../helpers/simulator.js';

// The store learns the gateway's policy era from its reads: access policies answer from the cutover
// (2026.09.1) and are "not configured" (404) before it.

async function eraOn(gatewayVersion: string) {
	const sim = await startTestSimulator({gatewayVersion, apps: 6});
	const client = createOagClient({host: sim.url, clientId: sim.clientId, privateKey: sim.privateKeyPem, caPem: sim.caPem});
	const store = createOagStore({
		api: client,
		connection: {profile: 'sim', host: new URL(sim.url).host, keyBackend: 'test', readOnly: true, insecure: false},
		authState: () => client.authState(),
	});
	try {
		await store.load('apps');
		await store.apps.settled();
		return store.state.getState().policyEra;
	} finally {
		store.dispose();
		await client.close();
		await sim.close();
	}
}

describe('policy era', () => {
	it('is the group policy before the cutover and access policies from it', async () => {
		expect(await eraOn('2026.08.0')).toBe('group-policy');
		expect(await eraOn('2026.09.1')).toBe('access-policy');
	});
});
