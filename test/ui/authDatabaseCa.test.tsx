import {randomBytes} from 'node:crypto';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {createOagClient} from '../../source/api/client.js';
import type {OagClient} from '../../source/api/clientOptions.js';
import {paths} from '../../source/api/schemas/paths.js';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {generateTlsMaterial, type TlsMaterial} from '../../source/simulator/tls.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import {App} from '../../source/ui/shell/App.js';
import {themeNamed} from '../../source/ui/theme/theme.js';
import {mariadbAvailable, startMariaDb, type MariaDb} from '../helpers/mariadb.js';
import {startRecordingProxy, type RecordingProxy} from '../helpers/recordingProxy.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {KEYS, renderAt, type Harness} from './harness.js';

// The enable form's "Database CA file", as `auth-service check-db --db-ca-file`: Ctrl+T's check from this
// machine trusts a database whose certificate a private CA signed only with that CA; a file that holds no
// certificate is refused at the field, before anything connects. The enable request has no CA field (see
// oag-api.md): what crosses the wire to the simulator (a proxy writes it down) carries neither the path nor
// the PEM, and the simulator's strict schema accepts it.
vi.setConfig({testTimeout: 60_000, hookTimeout: 120_000});

const CTRL_S = '\u0013';
const CTRL_T = '\u0014';
const RIGHT = '\u001b[C';
const available = mariadbAvailable();
const password = `pw-${randomBytes(9).toString('hex')}`;
let db: MariaDb;
let tls: TlsMaterial;
let sim: RunningSimulator;
let proxy: RecordingProxy;
let client: OagClient;
let dir: string;
let harness: Harness | undefined;
let store: OagStore | undefined;

beforeAll(async () => {
	if (!available) return;
	tls = await generateTlsMaterial();
	[db, sim, dir] = await Promise.all([startMariaDb({tls}), startTestSimulator({http: true, authServiceEnabled: false}), mkdtemp(join(tmpdir(), 'oag-db-ca-'))]);
	await db.admin('CREATE DATABASE oagoffline');
	await db.admin(`CREATE USER 'tlsonly'@'%' IDENTIFIED BY ? REQUIRE SSL`, [password]);
	await db.admin(`GRANT ALL PRIVILEGES ON oagoffline.* TO 'tlsonly'@'%'`);
	await writeFile(join(dir, 'db-ca.pem'), tls.caPem);
	await writeFile(join(dir, 'not-a-ca.pem'), 'this is a password list, not a certificate\n');
	proxy = await startRecordingProxy(sim.url);
	client = createOagClient({host: proxy.url, clientId: sim.clientId, privateKey: sim.privateKeyPem, retries: {max: 0}});
});
afterAll(async () => {
	await client?.close();
	await proxy?.close();
	await sim?.close();
	await db?.stop();
	if (dir) await rm(dir, {recursive: true, force: true});
});
afterEach(() => {
	harness?.unmount();
	store?.dispose();
});

/** Replaces the text field with the focus (the CA file path) by `text`. */
async function retype(h: Harness, current: string, text: string): Promise<void> {
	await h.press(...Array<string>(current.length).fill(KEYS.backspace));
	await h.type(text);
}

describe.runIf(available)('the enable form with a database CA file', () => {
	it('Ctrl+T trusts the private CA only with its file; a bad file is said at the field; the enable request carries no CA', async () => {
		store = createOagStore({api: client, connection: {profile: 'test', host: 'sim', keyBackend: 'file', readOnly: false, insecure: false}, audit: memoryAuditLog(), healthIntervalMs: 1000});
		const h = (harness = renderAt(<App store={store} theme={themeNamed('no-color')} />, {columns: 110, rows: 40}));
		await h.press('3');
		await h.waitFor(f => f.includes('Press e to open the enable form'), 10_000);
		await h.press('e');
		await h.waitFor(f => f.includes('Enable the authentication service') && f.includes('Database CA file'));

		await h.type('oag-node-1.example.com');
		await h.press(KEYS.enter, KEYS.tab);
		await h.type(db.host);
		await h.press(KEYS.tab);
		await retype(h, '3306', String(db.port));
		await h.press(KEYS.tab);
		await h.type('tlsonly');
		await h.press(KEYS.tab);
		await h.type(password);
		await h.press(KEYS.tab);
		await h.type('oagoffline');
		await h.press(KEYS.tab, KEYS.tab);
		await h.type('offline-idp-service.example.com');
		await h.press(KEYS.tab, RIGHT);
		await h.waitFor(f => /‹ .+days left\) ›/.test(f));
		await h.press(KEYS.up, KEYS.up); // back to the CA file, under the database name
		await h.waitFor(f => f.includes('> Database CA file'));

		// Without the CA: the server's certificate is not trusted, and the credentials are not sent.
		await h.press(CTRL_T);
		let frame = await h.waitFor(f => f.includes('failed at "TLS"'), 20_000);
		expect(frame).toMatch(/TLS error: the certificate 127\.0\.0\.1 is not trusted/);

		// A file that holds no certificate: refused at its field, with its path; nothing connects.
		const bad = join(dir, 'not-a-ca.pem');
		await h.type(bad);
		await h.press(CTRL_T);
		frame = await h.waitFor(f => f.includes('The database CA file cannot be used.'));
		const lines = frame.split('\n');
		const at = lines.findIndex(line => line.includes('Database CA file'));
		expect(lines.slice(at + 1, at + 3).join(' ').replace(/\s+/g, ' ')).toContain(`the CA file ${bad} is not a PEM certificate`);
		expect(frame).not.toContain('Database pre-flight from this machine');

		// The CA's own file: TLS is trusted, the login goes over it, every step passes.
		await retype(h, bad, join(dir, 'db-ca.pem'));
		await h.press(CTRL_T);
		frame = await h.waitFor(f => /oagoffline passed \(the gateway's server nodes/.test(f.replace(/\s+/g, ' ')), 20_000);
		expect(frame).toMatch(/certificate 127\.0\.0\.1 trusted \(the CA file given\)/);
		expect(frame).not.toContain(password);

		await h.press(CTRL_S);
		await h.waitFor(f => !f.includes('Database CA file') && f.includes('[ENABLED]'), 10_000); // back on the screen
		const enables = proxy.requests.filter(r => r.method === 'POST' && r.url === paths.authService);
		expect(enables).toHaveLength(1);
		const body = JSON.parse(enables[0]!.body) as {database: Record<string, unknown>};
		expect(Object.keys(body.database).sort()).toEqual(['host', 'name', 'password', 'port', 'type', 'username']);
		expect(enables[0]!.body).not.toContain('db-ca.pem');
		expect(enables[0]!.body).not.toContain('BEGIN CERTIFICATE');
		expect((await client.authService.get())?.database).toMatchObject({host: db.host, port: db.port, name: 'oagoffline'});
	});
});
