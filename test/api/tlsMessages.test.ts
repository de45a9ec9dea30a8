import {spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import http from 'node:http';
import net, {type AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createOagClient} from '../../source/api/client.js';
import {OagError} from '../../source/api/errors.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {missingTools} from '../helpers/tools.js';
import {clientFor} from './support/clientFor.js';

// Messages that point at the real cause: an https:// host whose port does not speak TLS is "not a TLS
// server" (no --insecure advice), and an untrusted certificate with a CA file given does not tell the admin
// to pass the CA file they passed.

let sim: RunningSimulator;
let plain: http.Server;
let garbage: net.Server;
let dir: string;
const sockets = new Set<net.Socket>();
const port = (server: net.Server | http.Server): number => (server.address() as AddressInfo).port;

beforeAll(async () => {
	sim = await startTestSimulator({idps: 1});
	dir = await mkdtemp(path.join(tmpdir(), 'oag-tls-msg-'));
	plain = http.createServer((_req, res) => res.end('{"hello":"plain http"}'));
	garbage = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.end(randomBytes(512));
	});
	await Promise.all([plain, garbage].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
});
afterAll(async () => {
	plain.closeAllConnections();
	for (const socket of sockets) socket.destroy();
	await Promise.all([plain, garbage].map((server) => new Promise((resolve) => server.close(resolve))));
	await sim?.close();
	await rm(dir, {recursive: true, force: true});
});

async function failure(client: ReturnType<typeof clientFor>): Promise<OagError> {
	try {
		const error = await client.idps.list().then(() => undefined, (caught: unknown) => caught);
		expect(error).toBeInstanceOf(OagError);
		return error as OagError;
	} finally {
		await client.close();
	}
}

describe('an https:// host that does not speak TLS', () => {
	for (const [what, server] of [['plain HTTP', () => plain], ['random bytes', () => garbage]] as const) {
		it(`${what} on the port: "not a TLS server", never --insecure`, async () => {
			const origin = `https://127.0.0.1:${port(server())}`;
			const error = await failure(clientFor({...sim, url: origin}, {retries: {max: 0}}));
			expect(error.kind).toBe('tls');
			expect(error.message).toMatch(new RegExp(`^${origin.replace(/\./g, '\\.')} is not a TLS server: `));
			expect(error.message).not.toMatch(/insecure|ca-file|certificate/i);
		});
	}
});

describe('an untrusted certificate', () => {
	it('without a CA file: suggests --ca-file', async () => {
		const error = await failure(clientFor({...sim, caPem: undefined}, {retries: {max: 0}}));
		expect(error.kind).toBe('tls');
		expect(error.message).toMatch(/Pass the gateway's CA with --ca-file/);
	});

	it.skipIf(missingTools(['openssl']).length > 0)('with a CA file that does not vouch for it: blames that CA file, not its absence', async () => {
		const key = path.join(dir, 'other.key');
		const cert = path.join(dir, 'other.pem');
		const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=other CA', '-days', '1'], {encoding: 'utf8'});
		expect(made.status, made.stderr).toBe(0);
		const error = await failure(clientFor({...sim, caPem: await readFile(cert, 'utf8')}, {retries: {max: 0}}));
		expect(error.kind).toBe('tls');
		expect(error.message).toMatch(/The CA file given \(--ca-file\) does not vouch for it/);
		expect(error.message).not.toMatch(/Pass the gateway's CA|--insecure/);
	});
});

describe('the client id', () => {
	it('empty or with spaces is blamed on the client id, not the host', () => {
		for (const clientId of ['   ', 'abc def', 'abc\nxyz']) {
			expect(() => createOagClient({host: sim.url, clientId, privateKey: sim.privateKeyPem}), JSON.stringify(clientId)).toThrow(/^The client id \(--client-id\) /);
		}
	});
});
