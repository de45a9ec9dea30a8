import {describe, expect, it} from 'vitest';
import {OagError} from '../../source/api/errors.js';
import {createOagStore} from '../../source/store/createOagStore.js';
import {createFakeApi, demoConnection} from './fakeOagApi.js';

describe('createOagStore', () => {
	it('loads every resource into its slice', async () => {
		const {api} = createFakeApi();
		const store = createOagStore({api, connection: demoConnection});
		await store.loadAll();
		await store.ensureDirectories();
		await store.apps.settled();
		const s = store.state.getState();
		expect(s.connection.status).toBe('connected');
		expect(s.authService.setting?.publicDomain).toBe('offline.example.com');
		expect(s.idps.items.map(e => [e.idp.name, e.failover, e.directories?.length])).toEqual([
			['Okta Prod', 'AUTOMATIC', 1],
			['Auth0 Lab', 'DISABLED', 0],
		]);
		expect(s.apps.items.map(e => e.state)).toEqual(['ACTIVE', 'TEST', 'INACTIVE']);
		expect(s.apps.detailsLoaded).toBe(3);
		expect(s.apps.policiesLoaded).toBe(3);
		expect(s.apps.items.map(e => e.accessPolicyId)).toEqual(['pol-1', null, null]);
		expect(s.policyEra).toBe('access-policy');
		expect(s.certificates.items).toHaveLength(1);
		expect(s.health.history.at(-1)?.status).toBe('HEALTHY');
		store.dispose();
	});

	it('marks a disabled auth service as null and keeps old data on a failed reload', async () => {
		const {api, control} = createFakeApi();
		control.data.authService = undefined;
		const store = createOagStore({api, connection: demoConnection});
		await store.load('idps');
		await store.load('authService');
		expect(store.state.getState().authService.setting).toBeNull();
		control.failWith = new OagError('network', 'connection refused');
		await store.load('idps');
		const idps = store.state.getState().idps;
		expect(idps.status.state).toBe('error');
		expect(idps.status.error).toBe('connection refused');
		expect(idps.items).toHaveLength(2);
		expect(store.state.getState().connection).toMatchObject({status: 'error', lastError: 'connection refused'});
		store.dispose();
	});

	it('records a failed health check as ERROR in the history', async () => {
		const {api, control} = createFakeApi();
		const store = createOagStore({api, connection: demoConnection});
		control.failWith = new OagError('timeout', 'timed out');
		await store.load('health');
		expect(store.state.getState().health.history.at(-1)).toMatchObject({status: 'ERROR', error: 'timed out'});
		store.dispose();
	});

	it('sets a failover mode, verifies it by re-reading, and toasts', async () => {
		const {api, control} = createFakeApi();
		const store = createOagStore({api, connection: demoConnection});
		await store.load('idps');
		// idp-2 has no directory: AUTOMATIC asks first (offline sign-in would find no users).
		const asked: string[] = [];
		const outcome = await store.setFailoverMode('idp-2', 'AUTOMATIC', async request => (asked.push(request.prompt), true));
		expect(asked).toEqual([expect.stringMatching(/has no offline directory/)]);
		expect(outcome).toMatchObject({ok: true, verified: true});
		expect(control.calls.filter(c => c.startsWith('idps.getFailoverMode')).length).toBeGreaterThan(2);
		expect(store.state.getState().idps.items[1]?.failover).toBe('AUTOMATIC');
		expect(store.state.getState().toast).toMatchObject({tone: 'ok'});
		store.dispose();
	});

	it('refuses mutations in read-only mode', async () => {
		const {api, control} = createFakeApi();
		const store = createOagStore({api, connection: {...demoConnection, readOnly: true}});
		const outcome = await store.setFailoverMode('idp-2', 'AUTOMATIC');
		expect(outcome).toMatchObject({ok: false, stage: 'read-only'});
		expect(control.calls).not.toContain('idps.setFailoverMode');
		store.dispose();
	});

	it('polls health only while watched and not paused by the admin', async () => {
		const {api, control} = createFakeApi();
		const store = createOagStore({api, connection: demoConnection, healthIntervalMs: 2000});
		const unwatch = store.health.watch();
		await new Promise(r => setTimeout(r, 20));
		expect(store.state.getState().health.poll).toMatchObject({running: true, paused: false});
		store.health.togglePause();
		expect(store.state.getState().health).toMatchObject({userPaused: true, poll: {paused: true}});
		unwatch();
		store.health.togglePause();
		expect(store.state.getState().health.poll.paused).toBe(true); // still hidden
		store.health.faster();
		expect(store.state.getState().health.poll.intervalMs).toBe(2000);
		store.health.slower();
		expect(store.state.getState().health.poll.intervalMs).toBe(5000);
		expect(control.calls.filter(c => c === 'authService.health')).toHaveLength(1);
		store.dispose();
	});
});
