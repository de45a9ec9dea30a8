import {afterEach, describe, expect, it} from 'vitest';
import {paths} from '../../source/api/schemas/paths.js';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {template} from '../../source/simulator/context.js';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import {NO_ACCESS_POLICIES} from '../../source/store/slices/accessPolicies.js';
import {simWithClient, type SimClient} from '../operations/support.js';
import {demoConnection} from './fakeOagApi.js';

// The store's side of the app policy form, against the simulator: the access policies load once per IdP
// (and a gateway before the cut-over answers "not configured", which teaches the era), and a group-policy
// write that meets a newer gateway's 405 teaches the store the other era, audited once.

const LIST_ROUTE = `GET ${template(paths.accessPolicies, 'idpId')}`;

let env: SimClient | undefined;
let store: OagStore | undefined;
afterEach(async () => {
	store?.dispose();
	await env?.close();
	env = undefined;
	store = undefined;
});

async function start(gatewayVersion: string) {
	env = await simWithClient({http: true, gatewayVersion});
	const audit = memoryAuditLog();
	store = createOagStore({api: env.client, connection: demoConnection, healthIntervalMs: 60_000, audit, appPolicies: false});
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
