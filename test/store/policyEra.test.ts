import {describe, expect, it} from 'vitest';
import {createOagClient} from '../../source/api/client.js';
import {createOagStore} from '../../source/store/createOagStore.js';
import {startTestSimulator} from '../helpers/simulator.js';

// The store learns the gateway's policy era from its reads: access policies answer from the cutover
// (2026.09.1) and are "not configured" (404) before it. Once the era is known, only its read is sent.

const APPS = 6;
const GROUP_READS = 'GET /api/v2/apps/{applicationId}/offline-mode/group-policy';
const ACCESS_READS = 'GET /api/v2/apps/{applicationId}/offline-mode/access-policy';

async function eraOn(gatewayVersion: string) {
	const sim = await startTestSimulator({gatewayVersion, apps: APPS});
	const client = createOagClient({host: sim.url, clientId: sim.clientId, privateKey: sim.privateKeyPem, caPem: sim.caPem});
	const store = createOagStore({
		api: client,
		connection: {profile: 'sim', host: new URL(sim.url).host, keyBackend: 'test', readOnly: true, insecure: false},
		authState: () => client.authState(),
	});
	try {
		await store.load('apps');
		await store.apps.settled();
		const counters = sim.control.counters().byRoute;
		return {
			era: store.state.getState().policyEra,
			groupReads: counters[GROUP_READS] ?? 0,
			accessReads: counters[ACCESS_READS] ?? 0,
			policiesLoaded: store.state.getState().apps.policiesLoaded,
		};
	} finally {
		store.dispose();
		await client.close();
		await sim.close();
	}
}

describe('policy era', () => {
	it('is the group policy before the cutover: one access-policy probe, then group-policy reads only', async () => {
		expect(await eraOn('2026.08.0')).toEqual({era: 'group-policy', groupReads: APPS, accessReads: 1, policiesLoaded: APPS});
	});

	it('is access policies from the cutover: no group-policy read at all', async () => {
		expect(await eraOn('2026.09.1')).toEqual({era: 'access-policy', groupReads: 0, accessReads: APPS, policiesLoaded: APPS});
	});
});
