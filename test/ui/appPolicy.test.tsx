import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createOagClient} from '../../source/api/client.js';
import type {OagClient} from '../../source/api/clientOptions.js';
import {paths} from '../../source/api/schemas/paths.js';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {NEWEST_GATEWAY_VERSION} from '../../source/domain/gatewayVersion.js';
import {template} from '../../source/simulator/context.js';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import {App} from '../../source/ui/shell/App.js';
import {themeNamed} from '../../source/ui/theme/theme.js';
import {startAppsEnv, type AppsEnv} from '../apps/support.js';
import {KEYS, renderAt, type Harness} from './harness.js';

// Who may sign in to an app offline, from the app screen, keys through the whole shell against the
// simulator on both sides of the cut-over: `e` opens the group-name form (2026.03.0) or the access-policy
// picker (newest); saving sets what the simulator holds, writes one audit line and the app screen shows
// it; `u` puts it back. A gateway refusal lands on the field with the typed value kept (also after
// leaving); read-only mode offers no `e` and sends nothing.

const CTRL_S = '\u0013';
const GROUPS_ROUTE = `PUT ${template(paths.appGroupPolicy, 'applicationId')}`;
const ACCESS_ROUTE = `PUT ${template(paths.appAccessPolicy, 'applicationId')}`;

let env: AppsEnv;
let client: OagClient;
let harness: Harness | undefined;
let store: OagStore | undefined;
let audit = memoryAuditLog();
let wiki: {id: string; idpId: string};

async function startEnv(gatewayVersion: string): Promise<void> {
	env = await startAppsEnv({gatewayVersion, apps: 12});
	client = createOagClient({host: env.sim.url, clientId: env.sim.clientId, privateKey: env.sim.privateKeyPem, caPem: env.sim.caPem!});
	const app = (await env.reader.apps.list()).find(a => a.name === 'wiki')!;
	wiki = {id: app.id, idpId: app.idpId!};
}
async function stopEnv(): Promise<void> {
	await client?.close();
	await env?.close();
}
afterEach(() => {
	harness?.unmount();
	store?.dispose();
	harness = undefined;
	store = undefined;
});

/** The TUI at the wiki app's screen. */
async function openWiki(readOnly = false): Promise<Harness> {
	audit = memoryAuditLog();
	store = createOagStore({api: client, connection: {profile: 'test', host: 'oag.example.com', keyBackend: 'file', readOnly, insecure: false}, healthIntervalMs: 60_000, audit});
	harness = renderAt(<App store={store} theme={themeNamed('no-color')} />, {columns: 110, rows: 32});
	await harness.waitFor(f => f.includes('Readiness') && f.includes('App Wiki'), 5000);
	await harness.press(':');
	await harness.type('app wiki');
	await harness.press(KEYS.enter);
	await harness.waitFor(f => f.includes('App Wiki') && f.includes('offline sign-in with'), 5000);
	return harness;
}

const writes = (route: string) => env.sim.control.counters().byRoute[route] ?? 0;
const policyLines = async (action: string) => (await audit.read()).entries.filter(entry => entry.action === action);
/** A list item as the form draws it: the highlighted one with ▸, the others with •. */
const shows = (frame: string, item: string) => frame.includes(`• ${item}`) || frame.includes(`▸ ${item}`);
/** The line after the one holding `label`: where the form spells out a field's error. */
const lineAfter = (frame: string, label: string) => {
	const lines = frame.split('\n');
	return lines[lines.findIndex(line => line.includes(label)) + 1] ?? '';
};

describe('group era (2026.03.0)', () => {
	beforeAll(() => startEnv('2026.03.0'), 30_000);
	afterAll(stopEnv);

	it('e edits the group names: the simulator holds them, one audit line, the app screen shows them; u puts them back', async () => {
		await env.reader.apps.setGroupPolicy(wiki.id, ['Everyone']);
		const h = await openWiki();
		await h.waitFor(f => f.includes('group policy') && f.includes('Everyone'), 5000);
		await h.press('e');
		await h.waitFor(f => f.includes('Who may sign in to Wiki offline: group names') && shows(f, 'Everyone'));
		expect(h.frame()).toContain('offline groups'); // the breadcrumb names what the form edits
		await h.press(KEYS.backspace); // the highlighted (last) group goes
		await h.type('engineers');
		await h.press(KEYS.enter);
		await h.type('contractors');
		await h.press(KEYS.enter);
		await h.waitFor(f => shows(f, 'contractors') && !shows(f, 'Everyone'));
		await h.press(KEYS.enter); // Enter on the only field's empty entry line saves
		const frame = await h.waitFor(f => f.includes('App Wiki') && f.includes('engineers, contractors'), 5000);
		expect(frame).toContain('done and verified');
		expect((await env.reader.apps.getGroupPolicy(wiki.id)).groups).toEqual([{name: 'engineers'}, {name: 'contractors'}]);
		const [line, ...more] = await policyLines('apps.group-policy');
		expect(more).toEqual([]);
		expect(line).toMatchObject({outcome: 'ok', via: 'tui', target: {id: wiki.id}, before: {groups: ['Everyone']}, after: {groups: ['engineers', 'contractors']}});

		await h.press('u');
		await h.waitFor(f => f.includes('App Wiki') && /group policy\s+Everyone/.test(f), 5000);
		expect((await env.reader.apps.getGroupPolicy(wiki.id)).groups).toEqual([{name: 'Everyone'}]);
		expect(await policyLines('apps.group-policy')).toHaveLength(2);
	});

	it("a gateway refusal lands on the field; what was typed stays, also after leaving the form", async () => {
		await env.reader.apps.setGroupPolicy(wiki.id, []);
		const h = await openWiki();
		await h.press('e');
		await h.waitFor(f => f.includes('Who may sign in to Wiki offline: group names'));
		await h.type('payroll-admins');
		await h.press(KEYS.enter);
		await h.waitFor(f => shows(f, 'payroll-admins'));
		env.sim.control.setFaults({rejectNext: {[GROUPS_ROUTE]: {'groups.0.name': 'No such group in the directory.'}}});
		await h.press(CTRL_S);
		let frame = await h.waitFor(f => f.includes('No such group in the directory.'), 5000);
		expect(shows(lineAfter(frame, 'Offline groups'), 'payroll-admins')).toBe(true);
		expect(frame).toContain('group 1: No such group in the directory.');
		expect((await env.reader.apps.getGroupPolicy(wiki.id)).groups).toEqual([]);
		expect(await policyLines('apps.group-policy')).toMatchObject([{outcome: 'failed'}]);

		await h.press(KEYS.esc);
		await h.waitFor(f => f.includes('App Wiki') && f.includes('offline sign-in with'));
		await h.press('e');
		frame = await h.waitFor(f => f.includes('Who may sign in to Wiki offline: group names'));
		expect(shows(frame, 'payroll-admins')).toBe(true);
	});

	it('read-only: e is not offered, does nothing, and nothing is sent', async () => {
		env.sim.control.resetCounters();
		const h = await openWiki(true);
		const frame = await h.waitFor(f => f.includes('group policy'), 5000);
		expect(frame).not.toContain('groups/policy');
		await h.press('e');
		await h.waitFor(f => f.includes('read-only'));
		expect(h.frame()).not.toContain('Who may sign in to Wiki offline');
		expect(writes(GROUPS_ROUTE)).toBe(0);
		expect((await audit.read()).entries).toEqual([]);
	});
});

describe(`access-policy era (${NEWEST_GATEWAY_VERSION})`, () => {
	let engineers: string;
	beforeAll(async () => {
		await startEnv(NEWEST_GATEWAY_VERSION);
		const created = await env.reader.accessPolicies.create(wiki.idpId, {
			name: 'offline-engineers',
			rules: [{name: 'engineers', conditions: {groups: {include: [{name: 'engineers'}]}}, actions: {access: 'allow', chains: [{authenticationMethods: [[{key: 'password'}]]}]}}],
		});
		engineers = created.id;
	}, 30_000);
	afterAll(stopEnv);

	/** ←/→ until the picker shows `label`. */
	async function pick(h: Harness, label: string): Promise<string> {
		for (let i = 0; i < 5 && !h.frame().includes(`‹ ${label}`); i++) {
			await h.press('\u001b[C');
			await new Promise(resolve => setTimeout(resolve, 30));
		}
		return h.waitFor(f => f.includes(`‹ ${label}`));
	}

	it("a failed read of the app's policy is shown (not 'reading' for ever); r reads it again and the form opens", async () => {
		// Every read of an app's access policy answers 500: the read that finds the era fails, and not with a 404.
		env.sim.control.setFaults({errorRate: 1, pathPattern: '/offline-mode/access-policy$'});
		try {
			const h = await openWiki();
			await h.press('e');
			const frame = await h.waitFor(f => f.includes("[ERROR] Cannot read the app's offline policy"), 15_000);
			expect(frame).toContain('r reads it again');
			expect(frame).not.toContain('Reading the app');
		} finally {
			env.sim.control.setFaults({});
		}
		await harness!.press('r');
		const frame = await harness!.waitFor(f => f.includes('Who may sign in to Wiki offline: access policy'), 10_000);
		expect(frame).not.toContain('[ERROR]');
	}, 40_000);

	it("e picks one of the IdP's access policies: the simulator holds it, the app screen names it", async () => {
		const h = await openWiki();
		await h.waitFor(f => /access policy\s+none/.test(f), 5000);
		await h.press('e');
		await h.waitFor(f => f.includes('Who may sign in to Wiki offline: access policy') && f.includes('none picked'), 5000);
		await pick(h, 'offline-engineers: engineers');
		await h.press(CTRL_S);
		const frame = await h.waitFor(f => f.includes('App Wiki') && f.includes(`offline-engineers (${engineers})`), 5000);
		expect(frame).toContain('done and verified');
		expect((await env.reader.apps.getAccessPolicy(wiki.id)).accessPolicyId).toBe(engineers);
		expect(await policyLines('apps.access-policy')).toMatchObject([{outcome: 'ok', before: {accessPolicyId: null}, after: {accessPolicyId: engineers}}]);
	});

	it('a gateway refusal lands on the picker and the pick stays', async () => {
		await env.reader.apps.setAccessPolicy(wiki.id, engineers);
		const other = await env.reader.accessPolicies.create(wiki.idpId, {
			name: 'offline-contractors',
			rules: [{name: 'contractors', conditions: {groups: {include: [{name: 'contractors'}]}}, actions: {access: 'allow', chains: [{authenticationMethods: [[{key: 'password'}]]}]}}],
		});
		const h = await openWiki();
		await h.press('e');
		await h.waitFor(f => f.includes('‹ offline-engineers: engineers'), 5000);
		await pick(h, 'offline-contractors: contractors');
		env.sim.control.setFaults({rejectNext: {[ACCESS_ROUTE]: {accessPolicyId: 'This policy needs smart cards the app cannot ask for.'}}});
		await h.press(CTRL_S);
		const frame = await h.waitFor(f => f.includes('This policy needs smart cards'), 5000);
		expect(lineAfter(frame, 'Access policy')).toContain('This policy needs smart cards');
		expect(frame).toContain('‹ offline-contractors: contractors');
		expect((await env.reader.apps.getAccessPolicy(wiki.id)).accessPolicyId).toBe(engineers);
		expect(other.id).not.toBe(engineers);
	});
});
