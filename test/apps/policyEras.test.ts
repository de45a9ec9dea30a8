import {afterEach, describe, expect, it} from 'vitest';
import {loadProfiles, saveProfiles} from '../../source/config/profiles.js';
import {NEWEST_GATEWAY_VERSION} from '../../source/domain/gatewayVersion.js';
import {runInProcess} from '../commands/inProcess.js';
import {startAppsEnv, type AppsEnv} from './support.js';

// The guide's steps 8-9 for one app, as an admin runs them, on both sides of the group-policy cut-over:
// TEST, then who may sign in (group policy, or after its 405 an access policy made with the same group),
// then ACTIVE with the app's name typed. The era the gateway showed is kept in the profile.

let env: AppsEnv | undefined;
afterEach(async () => {
	await env?.close();
	env = undefined;
});

const stateOf = async (e: AppsEnv, id: string) => (await e.reader.apps.getState(id)).state;
const eraInProfile = async () => (await loadProfiles()).profiles.gw?.policyEra;

describe.each([
	['2026.03.0', 'group-policy'],
	[NEWEST_GATEWAY_VERSION, 'access-policy'],
] as const)('gateway %s', (version, era) => {
	it(`gives an app offline access for a group and promotes it (${era})`, async () => {
		env = await startAppsEnv({gatewayVersion: version, apps: 12});
		await saveProfiles({current: 'gw', profiles: {gw: {host: env.sim.url, clientId: env.sim.clientId, caFile: env.sim.caFile!, keyBackend: 'none'}}});
		const as = ['--profile', 'gw', '--key-file', env.sim.keyFile];
		const wiki = (await env.reader.apps.list()).find(app => app.name === 'wiki')!;

		const toTest = await runInProcess(['apps', 'state', 'wiki', 'TEST', ...as]);
		expect(toTest.code).toBe(0);
		expect(await stateOf(env, wiki.id)).toBe('TEST');

		const groups = await runInProcess(['apps', 'groups', 'wiki', 'engineers', ...as, '--json']);
		if (era === 'group-policy') {
			expect(groups.code).toBe(0);
			expect((await env.reader.apps.getGroupPolicy(wiki.id)).groups).toEqual([{name: 'engineers'}]);
			// The other path says where to go instead, and nothing was created.
			const access = await runInProcess(['apps', 'access-policy', 'wiki', 'offline-engineers', '--create', '--group', 'engineers', ...as]);
			expect(access.code).toBe(1);
			expect(access.stderr).toContain('apps groups APP GROUP');
		} else {
			expect(groups.code).toBe(1);
			expect(JSON.parse(groups.stderr).error).toMatchObject({kind: 'deprecated', message: expect.stringContaining('access policy')});
			const access = await runInProcess(['apps', 'access-policy', 'wiki', 'offline-engineers', '--create', '--group', 'engineers', ...as, '--json']);
			expect(access.code).toBe(0);
			const assigned = (await env.reader.apps.getAccessPolicy(wiki.id)).accessPolicyId!;
			const policy = await env.reader.accessPolicies.get(wiki.idpId!, assigned);
			expect(policy.name).toBe('offline-engineers');
			expect(policy.rules[0]).toMatchObject({conditions: {groups: {include: [{name: 'engineers'}]}}});
			// Assigning an existing policy by name works too, and a second create of the name is refused.
			expect((await runInProcess(['apps', 'access-policy', 'wiki', 'offline-engineers', ...as])).code).toBe(0);
			const again = await runInProcess(['apps', 'access-policy', 'wiki', 'offline-engineers', '--create', '--group', 'x', ...as]);
			expect(again.code).toBe(1);
			expect(again.stderr).toContain('already exists');
		}
		expect(await eraInProfile()).toBe(era);

		// ACTIVE needs the app's name typed: another word changes nothing.
		const wrong = await runInProcess(['apps', 'state', 'wiki', 'ACTIVE', ...as], {answers: ['ACTIVE']});
		expect(wrong.code).toBe(1);
		expect(wrong.prompts.join('')).toContain('Type wiki to confirm');
		expect(await stateOf(env, wiki.id)).toBe('TEST');
		const right = await runInProcess(['apps', 'state', 'wiki', 'ACTIVE', ...as], {answers: ['wiki']});
		expect(right.code).toBe(0);
		expect(right.stdout).toContain('ok');
		expect(await stateOf(env, wiki.id)).toBe('ACTIVE');
	}, 60_000);
});

describe('risks in the plan', () => {
	it('says why INACTIVE -> ACTIVE without any group is risky, before asking', async () => {
		env = await startAppsEnv({gatewayVersion: '2026.03.0', apps: 12});
		const result = await runInProcess(['apps', 'state', 'crm', 'ACTIVE', ...env.connection], {answers: ['no']});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('skips TEST');
		expect(result.stderr).toContain('nobody can sign in');
	});

	it('apps list --state filters, and without a terminal a move to ACTIVE needs --yes (exit 2, nothing read)', async () => {
		env = await startAppsEnv({apps: 12});
		const list = await runInProcess(['apps', 'list', '--state', 'TEST', ...env.connection, '--json']);
		expect(list.code).toBe(0);
		expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({state: 'TEST'})]);
		env.sim.control.resetCounters();
		const refused = await runInProcess(['apps', 'state', 'crm', 'ACTIVE', ...env.connection]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('--yes');
		expect(env.sim.control.counters().requests).toBe(0);
	});
});
