import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createOagClient} from '../../source/api/client.js';
import type {OagClient} from '../../source/api/clientOptions.js';
import type {AppStateValue} from '../../source/api/schemas/apps.js';
import type {AuditEntry} from '../../source/audit/entry.js';
import {mapLimit} from '../../source/store/mapLimit.js';
import type {RunningSimulator, SimulatorOptions} from '../../source/simulator/types.js';
import {startTestSimulator} from '../helpers/simulator.js';

// A simulator, a client that reads it back (never the code under test's client), and a private config
// and state dir, so the commands' profile and audit log stay out of the real home directory.

export type AppsEnv = {
	sim: RunningSimulator;
	reader: OagClient;
	dir: string;
	connection: string[];
	auditLines(): Promise<AuditEntry[]>;
	states(): Promise<Map<string, string>>;
	setStates(ids: readonly string[], state: AppStateValue): Promise<void>;
	close(): Promise<void>;
};

export async function startAppsEnv(options: SimulatorOptions = {}): Promise<AppsEnv> {
	const sim = await startTestSimulator(options);
	const dir = await mkdtemp(path.join(tmpdir(), 'oag-apps-test-'));
	const saved = {config: process.env.OAG_CONFIG_DIR, state: process.env.OAG_STATE_DIR};
	process.env.OAG_CONFIG_DIR = path.join(dir, 'config');
	process.env.OAG_STATE_DIR = path.join(dir, 'state');
	const reader = createOagClient({host: sim.url, clientId: sim.clientId, privateKey: sim.privateKeyPem, caPem: sim.caPem!, concurrency: 16});
	const auditFile = path.join(dir, 'state', 'audit.jsonl');
	return {
		sim,
		reader,
		dir,
		connection: ['--host', sim.url, '--client-id', sim.clientId, '--key-file', sim.keyFile, '--ca-file', sim.caFile!],
		async auditLines() {
			const text = await readFile(auditFile, 'utf8').catch(() => '');
			return text.split('\n').filter(Boolean).map(line => JSON.parse(line) as AuditEntry);
		},
		async states() {
			const apps = await reader.apps.list();
			const states = await mapLimit(apps, 16, app => reader.apps.getState(app.id));
			return new Map(apps.map((app, i) => [app.id, states[i]!.state]));
		},
		async setStates(ids, state) {
			await mapLimit(ids, 16, id => reader.apps.setState(id, state));
		},
		async close() {
			await reader.close();
			await sim.close();
			await rm(dir, {recursive: true, force: true});
			for (const [key, value] of [['OAG_CONFIG_DIR', saved.config], ['OAG_STATE_DIR', saved.state]] as const) {
				if (value === undefined) delete process.env[key];
				else process.env[key] = value;
			}
		},
	};
}
