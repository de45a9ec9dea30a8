import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {auditFilePath, fileAuditLog} from '../../source/audit/fileLog.js';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {oagPaths} from '../../source/config/paths.js';
import {openGateway, type GatewayConnection} from '../../source/commands/gateway.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {startTestSimulator} from '../helpers/simulator.js';

// openGateway: the one place that builds a client and a store (commands, TUI, Setup and demo).

let sim: RunningSimulator;

beforeAll(async () => {
	sim = await startTestSimulator({idps: 3});
});
afterAll(async () => {
	await sim?.close();
});

function demoConnection(onKey: () => void): GatewayConnection {
	return {
		host: sim.url,
		clientId: sim.clientId,
		caPem: sim.caPem!,
		insecure: false,
		readOnly: true,
		keyBackend: 'demo (in memory)',
		privateKey: async () => {
			onKey();
			return sim.privateKeyPem;
		},
	};
}

describe('openGateway', () => {
	it('gives a store that loads through the client, labelled as the connection says', async () => {
		let keyReads = 0;
		const gateway = await openGateway(demoConnection(() => keyReads++), {profileLabel: 'demo', unlockKeyFirst: true});
		// The key is fetched before openGateway returns (a passphrase prompt must precede the TUI's raw mode).
		expect(keyReads).toBe(1);
		expect(gateway.store.state.getState().connection).toMatchObject({profile: 'demo', keyBackend: 'demo (in memory)', readOnly: true, host: new URL(sim.url).host});
		await gateway.store.load('idps');
		expect(gateway.store.state.getState().idps.items.map(entry => entry.idp.name)).toContain('Okta Production');
		expect((await gateway.client.idps.list()).length).toBe(3);
		await gateway.dispose();
		await gateway.dispose();
	});

	it("the store's dispose also closes the client, so a holder of the store alone releases both", async () => {
		const gateway = await openGateway(demoConnection(() => {}));
		expect(gateway.store.state.getState().connection.profile).toBe('(from flags)');
		await gateway.client.idps.list();
		gateway.store.dispose();
		await expect(gateway.client.idps.list()).rejects.toThrow();
	});
});

describe('openGateway audit log', () => {
	let dir: string;
	let saved: string | undefined;
	beforeAll(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'oag-gateway-audit-'));
		saved = process.env.OAG_CONFIG_DIR;
		process.env.OAG_CONFIG_DIR = dir;
	});
	afterAll(async () => {
		if (saved === undefined) delete process.env.OAG_CONFIG_DIR;
		else process.env.OAG_CONFIG_DIR = saved;
		await rm(dir, {recursive: true, force: true});
	});

	it("a real gateway's store records its changes in this machine's audit file; a given memory log (demo) keeps them off it", async () => {
		const file = auditFilePath(oagPaths());
		const idpId = async (gateway: Awaited<ReturnType<typeof openGateway>>) => (await gateway.client.idps.list())[0]!.id;

		const real = await openGateway(demoConnection(() => {}));
		expect(real.audit.location).toBe(file);
		expect(real.store.operations.audit).toBe(real.audit);
		// The connection is read-only: the attempt is refused, and the refusal is still one audit line.
		await real.store.setFailoverMode(await idpId(real), 'AUTOMATIC');
		await real.dispose();
		expect((await fileAuditLog(file).read()).entries.map(entry => entry.outcome)).toEqual(['refused']);

		const memory = memoryAuditLog();
		const demo = await openGateway(demoConnection(() => {}), {store: {audit: memory}});
		expect(demo.store.operations.audit).toBe(memory);
		await demo.store.setFailoverMode(await idpId(demo), 'AUTOMATIC');
		await demo.dispose();
		expect(memory.lines()).toHaveLength(1);
		expect((await fileAuditLog(file).read()).entries).toHaveLength(1);
	});
});
