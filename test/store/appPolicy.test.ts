import {afterEach, describe, expect, it} from 'vitest';
import {paths} from '../../source/api/schemas/paths.js';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {template} from '../../source/simulator/context.js';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import {NO_ACCESS_POLICIES} from '../../source/store/slices/accessPolicies.js';
import type {OagClient} from '../../source/api/clientOptions.js';
import {simWithClient, type SimClient} from '../operations/support.js';
import {demoConnection} from './fakeOagApi.js';

// The store's side of the app policy form, against the simulator: the access policies load once per IdP
// (and a gateway before the cut-over answers "not configured", which teaches the era), and a group-policy
// write that meets a newer gateway's 405 teaches the store the other era, audited once.

const LIST_ROUTE = `GET ${template(paths.accessPolicies, 'idpId')}`;
const READ_ACCESS_ROUTE = `GET ${template(paths.appAccessPolicy, 'applicationId')}`;

let env: SimClient | undefined;
let store: OagStore | undefined;
afterEach(async () => {
	store?.dispose();
	await env?.close();
	env = undefined;
	store = undefined;
});

async function start(gatewayVersion: string, api?: (client: OagClient) => OagClient) {
	env = await simWithClient({http: true, gatewayVersion});
	const audit = memoryAuditLog();
	store = createOagStore({api: api ? api(env.client) : env.client, connection: demoConnection, healthIntervalMs: 60_000, audit, appPolicies: false});
	return {env, store, audit};
}

describe('access policies per IdP', () => {
	it('load once for two ensures, and name the era', async () => {
		const {env, store} = await start('2026.11.0');
		const [idp] = await env.client.idps.list();
		env.sim.control.resetCounters();
		await Promise.all([store.accessPolicies.ensure(idp!.id), store.accessPolicies.ensure(idp!.id)]);
		await store.accessPolicies.ensure(idp!.id);
		expect(env.sim.control.counters().byRoute[LIST_ROUTE]).toBe(1);
		expect(store.state.getState().accessPolicies[idp!.id]?.items?.map(p => p.name)).toEqual(['Default offline policy']);
		expect(store.state.getState().policyEra).toBe('access-policy');
	});

	it('on a gateway before the cut-over: an error that says so, and the group era', async () => {
		const {env, store} = await start('2026.03.0');
		const [idp] = await env.client.idps.list();
		await store.accessPolicies.ensure(idp!.id);
		expect(store.state.getState().accessPolicies[idp!.id]).toMatchObject({error: NO_ACCESS_POLICIES});
		expect(store.state.getState().accessPolicies[idp!.id]?.items).toBeUndefined();
		expect(store.state.getState().policyEra).toBe('group-policy');
	});
});

describe('a group-policy write on a newer gateway', () => {
	it('fails with the advice, switches the store to the access-policy era and writes one audit line', async () => {
		const {env, store, audit} = await start('2026.11.0');
		await store.load('apps');
		store.state.setState({policyEra: 'group-policy'}); // as remembered from before an upgrade
		const app = store.state.getState().apps.items[0]!.app;
		const before = (await env.client.apps.getGroupPolicy(app.id)).groups;
		const outcome = await store.appPolicy.setGroups(app.id, ['engineers']);
		expect(outcome).toMatchObject({ok: false, errorKind: 'deprecated'});
		expect(outcome.message).toContain('assign an offline access policy instead');
		expect(store.state.getState().policyEra).toBe('access-policy');
		expect(store.state.getState().toast?.text).toBe(outcome.message);
		expect(store.appPolicy.undoLabel(app.id)).toBeUndefined(); // nothing went through
		expect((await audit.read()).entries).toMatchObject([{action: 'apps.group-policy', outcome: 'failed'}]);
		expect((await env.client.apps.getGroupPolicy(app.id)).groups).toEqual(before);
	});
});

describe("the read that finds an app's policy era fails (not a 404)", () => {
	it('the entry says why and the era stays unknown; the next ensure (reopening the form) reads again', async () => {
		const {env, store} = await start('2026.11.0');
		await store.load('apps');
		const app = store.state.getState().apps.items[0]!.app;
		env.sim.control.setFaults({failNext: {[READ_ACCESS_ROUTE]: 1}});
		await store.apps.ensurePolicy(app.id);
		const failed = store.state.getState().apps.items[0]!;
		expect(failed.policyError).toBeTruthy();
		expect(failed.accessPolicyId).toBeUndefined();
		expect(store.state.getState().policyEra).toBeUndefined();

		env.sim.control.resetCounters();
		await store.apps.ensurePolicy(app.id);
		expect(env.sim.control.counters().byRoute[READ_ACCESS_ROUTE]).toBe(1);
		const read = store.state.getState().apps.items[0]!;
		expect(read.policyError).toBeUndefined();
		expect(read.accessPolicyId).toBe((await env.client.apps.getAccessPolicy(app.id)).accessPolicyId);
		expect(store.state.getState().policyEra).toBe('access-policy');
	});
});

describe('a policy read in flight when a save lands', () => {
	it("is dropped when it answers: the store keeps what the save read back, not the read's older value", async () => {
		// The first read of an app's access policy gets the simulator's answer, then is held (a slow response
		// path) until the test lets it through: its answer is the value from before the save.
		let answered!: () => void;
		const hasAnswer = new Promise<void>(resolve => (answered = resolve));
		let release!: () => void;
		const released = new Promise<void>(resolve => (release = resolve));
		let held = false;
		const holdFirstRead = (client: OagClient): OagClient => ({
			...client,
			apps: {
				...client.apps,
				async getAccessPolicy(id) {
					const answer = await client.apps.getAccessPolicy(id);
					if (held) return answer;
					held = true;
					answered();
					await released;
					return answer;
				},
			},
		});
		const {env, store} = await start('2026.11.0', holdFirstRead);
		await store.load('apps');
		const app = store.state.getState().apps.items.find(e => e.app.idpId !== undefined)!.app;
		const created = await env.client.accessPolicies.create(app.idpId!, {
			name: 'offline-engineers',
			rules: [{name: 'engineers', conditions: {groups: {include: [{name: 'engineers'}]}}, actions: {access: 'allow', chains: [{authenticationMethods: [[{key: 'password'}]]}]}}],
		});
		const before = (await env.client.apps.getAccessPolicy(app.id)).accessPolicyId;
		expect(before).not.toBe(created.id);

		const inFlight = store.apps.ensurePolicy(app.id);
		await hasAnswer;
		const outcome = await store.appPolicy.setAccessPolicy(app.id, {id: created.id, name: created.name});
		expect(outcome.ok).toBe(true);
		const entry = () => store.state.getState().apps.items.find(e => e.app.id === app.id)!;
		expect(entry().accessPolicyId).toBe(created.id);

		release();
		await inFlight;
		await store.apps.settled();
		expect(entry().accessPolicyId).toBe(created.id);
		expect((await env.client.apps.getAccessPolicy(app.id)).accessPolicyId).toBe(created.id);
	});
});
