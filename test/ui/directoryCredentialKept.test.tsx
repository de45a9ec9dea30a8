import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createOagClient} from '../../source/api/client.js';
import type {OagClient} from '../../source/api/clientOptions.js';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {DIRECTORY_PRESETS} from '../../source/domain/directoryPresets.js';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import {App} from '../../source/ui/shell/App.js';
import {themeNamed} from '../../source/ui/theme/theme.js';
import {startRecordingProxy, type RecordingProxy} from '../helpers/recordingProxy.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {slapdAvailable, startSlapd, type Slapd} from '../helpers/slapd.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {KEYS, renderAt, type Harness} from './harness.js';

// Editing a directory in the TUI without retyping the bind credential: what actually crosses the wire
// (a proxy between the client and the simulator writes every request down) is a PUT whose connection has
// no bindCredential key at all, which is how the contract keeps the stored one. Retyping it sends exactly
// the new value. The credential reaches no frame either way.

const CTRL_S = '\u0013';
const ldap = slapdAvailable();
let sim: RunningSimulator;
let proxy: RecordingProxy;
let client: OagClient;
let slapd: Slapd;
let harness: Harness | undefined;
let store: OagStore | undefined;
const audit = memoryAuditLog();

beforeAll(async () => {
	if (!ldap) return;
	[sim, slapd] = await Promise.all([startTestSimulator({http: true}), startSlapd()]);
	proxy = await startRecordingProxy(sim.url);
	client = createOagClient({host: proxy.url, clientId: sim.clientId, privateKey: sim.privateKeyPem, retries: {max: 0}});
}, 30_000);
afterAll(async () => {
	await client?.close();
	await proxy?.close();
	await sim?.close();
	await slapd?.stop();
});
afterEach(() => {
	harness?.unmount();
	store?.dispose();
});

const putsTo = (directoryId: string) =>
	proxy.requests.filter(r => r.method === 'PUT' && r.url.endsWith(`/offline-mode/directories/${directoryId}`)).map(r => JSON.parse(r.body) as {connection: Record<string, unknown>; config: Record<string, unknown>});

async function editUsernameAttribute(h: Harness, slapdUrl: string, idpName: string, attribute: string, credential?: string): Promise<string> {
	await h.press('e');
	await h.waitFor(f => f.includes(`Directory ${slapdUrl} of ${idpName}`));
	if (credential !== undefined) {
		await h.press(KEYS.tab, KEYS.tab, KEYS.tab); // type -> URL -> bind DN -> credential
		await h.type(credential);
		await h.press(KEYS.tab, KEYS.tab); // -> base DN -> username attribute
	} else {
		await h.press(KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab); // to the username attribute (as in idpScreens)
	}
	await h.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace);
	await h.type(attribute);
	await h.press(CTRL_S);
	return h.waitFor(f => f.includes('Directories (1)') && !f.includes(`Directory ${slapdUrl} of`), 5000);
}

describe.runIf(ldap)('directory edit in the TUI', () => {
	it('without retyping sends no bindCredential (the stored one is kept); retyping sends exactly the new one', async () => {
		const idp = (await client.idps.list())[1]!;
		const created = await client.directories.create(idp.id, {
			type: 'OPEN_LDAP',
			connection: {connectionUrl: slapd.url, bindDn: slapd.bindDn, bindCredential: slapd.bindPassword},
			config: DIRECTORY_PRESETS.OPEN_LDAP.config(slapd.suffix),
		});
		store = createOagStore({
			api: client,
			connection: {profile: 'test', host: 'sim', keyBackend: 'file', readOnly: false, insecure: false},
			healthIntervalMs: 1000,
			audit,
		});
		harness = renderAt(<App store={store} theme={themeNamed('no-color')} />, {columns: 120, rows: 45});
		const h = harness;
		await h.waitFor(f => f.includes('Readiness'), 5000);
		await h.press(':');
		await h.type(`idp ${idp.name}`);
		await h.press(KEYS.enter);
		await h.waitFor(f => f.includes('Directories (1)') && f.includes(slapd.url), 5000);

		const kept = await editUsernameAttribute(h, slapd.url, idp.name, 'mail');
		expect(kept).toContain('(bind credential kept)');
		const [first] = putsTo(created.id);
		expect(first!.config.usernameLDAPAttribute).toBe('mail');
		expect(first!.connection).toEqual({connectionUrl: slapd.url, bindDn: slapd.bindDn});
		expect(Object.keys(first!.connection)).not.toContain('bindCredential');
		expect((await client.directories.get(idp.id, created.id)).config.usernameLDAPAttribute).toBe('mail');

		const retyped = 'Retyped-Bind-Credential-9';
		const changed = await editUsernameAttribute(h, slapd.url, idp.name, 'uid', retyped);
		expect(changed).not.toContain('(bind credential kept)');
		const second = putsTo(created.id)[1]!;
		expect(second.connection.bindCredential).toBe(retyped);
		expect(second.config.usernameLDAPAttribute).toBe('uid');

		const frames = h.stdout.frames.join('\n');
		const auditText = audit.lines().join('');
		expect(auditText).toMatch(/directories\.update/);
		for (const secret of [slapd.bindPassword, retyped]) {
			expect(frames).not.toContain(secret);
			expect(auditText).not.toContain(secret);
		}
	});
});
