import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {DIRECTORY_PRESETS} from '../../source/domain/directoryPresets.js';
import {HEALTH_POLICY_DEFAULTS} from '../../source/domain/healthPolicy.js';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import {idpOfflineActions, type IdpOfflineActions} from '../../source/store/idpOffline.js';
import {slapdAvailable, startSlapd, type Slapd} from '../helpers/slapd.js';
import {simWithClient, type SimClient} from '../operations/support.js';

// The IdP screen's store actions against the simulator (its bind test binds to a real slapd): every
// change goes through the store's runner (one audit line each) and the IdP's entry shows the result.

const ldap = slapdAvailable();
let env: SimClient;
let slapd: Slapd;
let store: OagStore;
let actions: IdpOfflineActions;
const audit = memoryAuditLog();
let idpId: string;

beforeAll(async () => {
	[env, slapd] = await Promise.all([simWithClient({http: true}), ldap ? startSlapd() : (undefined as unknown as Slapd)]);
	store = createOagStore({api: env.client, connection: {profile: 't', host: 'sim', keyBackend: 'file', readOnly: false, insecure: false}, audit});
	await store.load('idps');
	idpId = store.state.getState().idps.items[1]!.idp.id;
	actions = idpOfflineActions({api: env.client, state: store.state, operations: store.operations, notify: store.notify});
}, 30_000);
afterAll(async () => {
	store?.dispose();
	await env?.close();
	await slapd?.stop();
});

const entry = () => store.state.getState().idps.items.find(e => e.idp.id === idpId)!;

describe('IdP offline actions', () => {
	it('health policy: saved through the runner, the entry shows the new policy', async () => {
		const outcome = await actions.setHealthPolicy(idpId, {...HEALTH_POLICY_DEFAULTS, healthCheckInterval: 120, recoveryCooldownInterval: 720});
		expect(outcome.ok).toBe(true);
		expect(entry().healthPolicy).toMatchObject({healthCheckInterval: 120, recoveryCooldownInterval: 720});
		expect(store.state.getState().toast?.text).toMatch(/health policy of .*: done and verified/);
	});

	it('failover AUTOMATIC without a directory asks; not confirmed changes nothing', async () => {
		const asked: string[] = [];
		const outcome = await actions.setFailover(idpId, 'AUTOMATIC', async request => (asked.push(request.prompt), false));
		expect(asked[0]).toMatch(/offline sign-in will find no users/);
		expect(outcome.outcome).toBe('not-confirmed');
		expect(entry().failover).toBe('DISABLED');
	});

	it.runIf(ldap)('directories: create, both tests, update keeping the credential, delete with DELETE; the entry follows', async () => {
		const body = {
			type: 'OPEN_LDAP' as const,
			connection: {connectionUrl: slapd.url, bindDn: slapd.bindDn, bindCredential: slapd.bindPassword},
			config: DIRECTORY_PRESETS.OPEN_LDAP.config(slapd.suffix),
		};
		const created = await actions.createDirectory(idpId, body);
		expect(created.ok).toBe(true);
		expect(entry().directories).toHaveLength(1);
		const directory = entry().directories![0]!;

		expect(await actions.testDirectory(idpId, {connectionUrl: slapd.url, bindDn: slapd.bindDn, bindCredential: slapd.bindPassword})).toEqual({
			ok: true,
			message: `The gateway bound to ${slapd.url} as ${slapd.bindDn}.`,
		});
		const wrong = await actions.testDirectory(idpId, {connectionUrl: slapd.url, bindDn: slapd.bindDn, bindCredential: 'Not-The-Password-1'});
		expect(wrong.ok).toBe(false);
		expect(wrong.message).toMatch(/invalid credentials/i);
		expect(wrong.message).not.toContain('Not-The-Password-1');

		const report = await actions.checkDirectory({...directory, config: directory.config}, slapd.bindPassword);
		expect('steps' in report && report.ok).toBe(true);

		const {bindCredential: _kept, ...connection} = body.connection;
		const updated = await actions.updateDirectory(idpId, directory.id, {...body, connection, config: {...body.config, usernameLDAPAttribute: 'mail'}});
		expect(updated.ok).toBe(true);
		expect(entry().directories![0]!.config.usernameLDAPAttribute).toBe('mail');

		const deleted = await actions.deleteDirectory(idpId, directory.id, async request => request.expected === 'DELETE');
		expect(deleted.ok).toBe(true);
		expect(entry().directories).toEqual([]);
		const lines = (await audit.read()).entries;
		expect(lines.map(l => l.action)).toEqual(expect.arrayContaining(['directories.create', 'directories.update', 'directories.delete']));
		expect(JSON.stringify(lines)).not.toContain(slapd.bindPassword);
	});
});
