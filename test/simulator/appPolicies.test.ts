import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {AccessPolicyList} from '../../source/api/schemas/accessPolicies.js';
import {openSim, type SimFixture} from './support.js';

// App offline state, the legacy group policy (405 from the cut-over on) and offline access policies.

const policyBody = (name: string, methods: Array<Array<{key: string}>> = [[{key: 'password'}]]) => ({
	name,
	rules: [
		{
			name: `${name} rule`,
			conditions: {groups: {include: [{name: 'engineers'}]}},
			actions: {access: 'allow', chains: [{authenticationMethods: methods}]},
		},
	],
});

type App = {id: string; idpId: string};

let f: SimFixture;
let apps: App[];
let idps: Array<{id: string}>;
let plainApp: App;
beforeAll(async () => {
	f = await openSim({idps: 3, apps: 12});
	idps = (await f.call('GET', '/api/v2/idps')).json;
	apps = (await f.call('GET', '/api/v2/apps')).json;
	// An app of the second IdP: nothing seeded on it.
	plainApp = apps.find(a => a.idpId === idps[1]!.id)!;
});
afterAll(async () => f?.close());

describe('app offline state', () => {
	it('defaults to INACTIVE and is set with POST (200 {state})', async () => {
		const path = `/api/v2/apps/${plainApp.id}/offline-mode`;
		expect((await f.call('GET', path)).json).toEqual({state: 'INACTIVE'});
		expect(await f.call('POST', path, {state: 'TEST'})).toMatchObject({status: 200, json: {state: 'TEST'}});
		expect((await f.call('GET', path)).json).toEqual({state: 'TEST'});
	});

	it('refuses DISABLED (apps have no such state)', async () => {
		const reply = await f.call('POST', `/api/v2/apps/${plainApp.id}/offline-mode`, {state: 'DISABLED'});
		expect(reply.status).toBe(400);
		expect(reply.json.errorCauses[0].field).toBe('state');
	});
});

describe('group policy', () => {
	const path = () => `/api/v2/apps/${plainApp.id}/offline-mode/group-policy`;

	it('reads {groups} on any version', async () => {
		expect(await f.call('GET', path())).toMatchObject({status: 200, json: {groups: []}});
	});

	it('answers 405 E0000022 to a PUT at or after the cut-over', async () => {
		const reply = await f.call('PUT', path(), {groups: [{name: 'Everyone'}]});
		expect(reply.status).toBe(405);
		expect(reply.json.errorCode).toBe('E0000022');
		expect(reply.json.errorSummary).toMatch(/2026\.09\.1/);
		f.sim.control.setGatewayVersion('2026.09.1');
		expect((await f.call('PUT', path(), {groups: [{name: 'Everyone'}]})).status).toBe(405);
	});

	it('stores the groups below the cut-over (200 with the stored value)', async () => {
		f.sim.control.setGatewayVersion('2026.08.2');
		try {
			const groups = {groups: [{name: 'Everyone'}, {name: 'payroll-admins'}]};
			expect(await f.call('PUT', path(), groups)).toMatchObject({status: 200, json: groups});
			expect((await f.call('GET', path())).json).toEqual(groups);
			const bad = await f.call('PUT', path(), {groups: [{name: ''}, {id: 'x'}]});
			expect(bad.status).toBe(400);
			expect(bad.json.errorCauses.map((c: {field: string}) => c.field).sort()).toEqual(['groups.0.name', 'groups.1.id', 'groups.1.name']);
			// The access-policy feature does not exist yet on this version.
			expect((await f.call('GET', `/api/v2/apps/${plainApp.id}/offline-mode/access-policy`)).status).toBe(404);
			expect((await f.call('GET', `/api/v2/idps/${idps[0]!.id}/offline-mode/access-policies`)).status).toBe(404);
		} finally {
			f.sim.control.setGatewayVersion('2026.11.0');
		}
	});
});

describe('access policies', () => {
	const policies = (idpIndex: number) => `/api/v2/idps/${idps[idpIndex]!.id}/offline-mode/access-policies`;
	let policyId: string;

	it('has the default policy for the AUTOMATIC seeded IdP, none for the others', async () => {
		const seeded = AccessPolicyList.parse((await f.call('GET', policies(0))).json);
		expect(seeded).toEqual([
			expect.objectContaining({name: 'Default offline policy', isDefault: true, rules: [expect.objectContaining({conditions: {groups: {include: [{name: 'Everyone'}]}}})]}),
		]);
		expect((await f.call('GET', policies(1))).json).toEqual([]);
	});

	it('creates the default policy when failover turns AUTOMATIC, once', async () => {
		const mode = `/api/v2/idps/${idps[1]!.id}/offline-mode`;
		await f.call('POST', mode, {mode: 'AUTOMATIC'});
		await f.call('POST', mode, {mode: 'AUTOMATIC'});
		const list = (await f.call('GET', policies(1))).json as Array<{isDefault: boolean; rules: unknown[]}>;
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({isDefault: true, rules: [{actions: {access: 'allow', chains: [{authenticationMethods: [[{key: 'password'}]]}]}}]});
	});

	it('does not create it below the cut-over, but does on the upgrade into the access-policy era', async () => {
		f.sim.control.setGatewayVersion('2026.03.0');
		await f.call('POST', `/api/v2/idps/${idps[2]!.id}/offline-mode`, {mode: 'AUTOMATIC'});
		// Below the cut-over the feature does not exist.
		expect((await f.call('GET', policies(2))).status).toBe(404);
		f.sim.control.setGatewayVersion('2026.11.0');
		const list = (await f.call('GET', policies(2))).json as Array<{isDefault: boolean; name: string}>;
		expect(list).toEqual([expect.objectContaining({isDefault: true, name: 'Default offline policy'})]);
		// Staying in the era does not add another.
		f.sim.control.setGatewayVersion('2026.12.0');
		f.sim.control.setGatewayVersion('2026.11.0');
		expect((await f.call('GET', policies(2))).json).toHaveLength(1);
	});

	it('an upgrade gives the default policy to the IdPs already AUTOMATIC, and only to those', async () => {
		const old = await openSim({idps: 2, apps: 1, gatewayVersion: '2026.03.0'});
		try {
			const [automatic, disabled] = (await old.call('GET', '/api/v2/idps')).json as Array<{id: string}>;
			expect((await old.call('GET', `/api/v2/idps/${automatic!.id}/offline-mode`)).json).toMatchObject({mode: 'AUTOMATIC'});
			expect((await old.call('GET', `/api/v2/idps/${disabled!.id}/offline-mode`)).json).toMatchObject({mode: 'DISABLED'});
			old.sim.control.setGatewayVersion('2026.09.1');
			const seeded = AccessPolicyList.parse((await old.call('GET', `/api/v2/idps/${automatic!.id}/offline-mode/access-policies`)).json);
			expect(seeded).toEqual([expect.objectContaining({isDefault: true, rules: [expect.objectContaining({conditions: {groups: {include: [{name: 'Everyone'}]}}})]})]);
			expect((await old.call('GET', `/api/v2/idps/${disabled!.id}/offline-mode/access-policies`)).json).toEqual([]);
		} finally {
			await old.close();
		}
	});

	it('creates (201), gets and replaces (200) a policy', async () => {
		const created = await f.call('POST', policies(1), policyBody('Smart card', [[{key: 'password'}], [{key: 'smart_card'}]]));
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({id: expect.any(String), isDefault: false, name: 'Smart card'});
		policyId = created.json.id;
		expect((await f.call('GET', `${policies(1)}/${policyId}`)).json).toEqual(created.json);
		const replaced = await f.call('PUT', `${policies(1)}/${policyId}`, policyBody('Smart card or password', [[{key: 'smart_card'}, {key: 'password'}]]));
		expect(replaced).toMatchObject({status: 200, json: {id: policyId, name: 'Smart card or password', isDefault: false}});
	});

	it('refuses two rules, an unsupported chain, deny, and unknown keys', async () => {
		const body = policyBody('x');
		const twoRules = await f.call('POST', policies(1), {...body, rules: [body.rules[0], body.rules[0]]});
		expect(twoRules.json.errorCauses).toEqual([{field: 'rules', errorSummary: 'Exactly one rule is supported.'}]);
		const chain = await f.call('POST', policies(1), policyBody('x', [[{key: 'smart_card'}], [{key: 'password'}]]));
		expect(chain.json.errorCauses[0].field).toBe('rules.0.actions.chains.0.authenticationMethods');
		const deny = await f.call('POST', policies(1), {...body, rules: [{...body.rules[0], actions: {...body.rules[0]!.actions, access: 'deny'}}], isDefault: true});
		expect(deny.status).toBe(400);
		expect(deny.json.errorCauses.map((c: {field: string}) => c.field).sort()).toEqual(['isDefault', 'rules.0.actions.access']);
	});

	it('assigns a policy to an app of the same IdP, and 404 for a policy of another IdP', async () => {
		const path = `/api/v2/apps/${plainApp.id}/offline-mode/access-policy`;
		expect((await f.call('GET', path)).json).toEqual({accessPolicyId: null});
		expect(await f.call('PUT', path, {accessPolicyId: policyId})).toMatchObject({status: 200, json: {accessPolicyId: policyId}});
		expect((await f.call('GET', path)).json).toEqual({accessPolicyId: policyId});
		const otherIdpPolicy = (await f.call('GET', policies(0))).json[0].id;
		expect((await f.call('PUT', path, {accessPolicyId: otherIdpPolicy})).status).toBe(404);
		expect((await f.call('PUT', path, {accessPolicyId: 'not-a-uuid'})).status).toBe(400);
	});

	it('refuses to delete an assigned or default policy (409), deletes an unused one (204)', async () => {
		expect((await f.call('DELETE', `${policies(1)}/${policyId}`)).status).toBe(409);
		const defaultId = ((await f.call('GET', policies(1))).json as Array<{id: string; isDefault: boolean}>).find(p => p.isDefault)!.id;
		expect((await f.call('DELETE', `${policies(1)}/${defaultId}`)).status).toBe(409);
		await f.call('PUT', `/api/v2/apps/${plainApp.id}/offline-mode/access-policy`, {accessPolicyId: defaultId});
		expect((await f.call('DELETE', `${policies(1)}/${policyId}`)).status).toBe(204);
		expect((await f.call('GET', `${policies(1)}/${policyId}`)).status).toBe(404);
	});
});
