import {chmod, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createServer as createHttpServer, type Server} from 'node:http';
import {createServer as createHttpsServer} from 'node:https';
import {isIP, type AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {SCOPES} from '../api/schemas/scopes.js';
import {GROUP_POLICY_CUTOVER, NEWEST_GATEWAY_VERSION, parseGatewayVersion} from '../domain/gatewayVersion.js';
import {ensureDefaultPolicy} from './accessPolicyRules.js';
import {ClientRegistry} from './clients.js';
import type {Simulator} from './context.js';
import {Counters} from './counters.js';
import {FaultInjector} from './faults.js';
import {HealthMonitor} from './health.js';
import {createPrng} from './prng.js';
import {seedGateway} from './seed.js';
import {createRequestHandler} from './server.js';
import {generateTlsMaterial} from './tls.js';
import {TokenStore} from './tokens.js';
import type {RunningSimulator, SimulatorControl, SimulatorOptions} from './types.js';

export type * from './types.js';

// Starts a strict, in-process OAG on loopback: seeded data, one API client with its key written to
// dataDir, HTTPS with a generated CA (or plain HTTP), and a control handle for tests.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

function checkedVersion(version: string): string {
	if (!parseGatewayVersion(version)) throw new Error(`Not a gateway version: ${version}`);
	return version;
}

function urlHost(host: string): string {
	return isIP(host) === 6 ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
	const host = options.host ?? '127.0.0.1';
	if (!LOOPBACK_HOSTS.has(host)) throw new Error(`The simulator listens on loopback only, not ${host}.`);
	const seed = options.seed ?? 1;
	const nowMs = Date.now();
	const state = seedGateway({
		prng: createPrng(seed),
		apps: options.apps ?? 12,
		idps: options.idps ?? 2,
		authServiceEnabled: options.authServiceEnabled !== false,
		gatewayVersion: checkedVersion(options.gatewayVersion ?? NEWEST_GATEWAY_VERSION),
		groupPolicyCutover: checkedVersion(options.groupPolicyCutover ?? GROUP_POLICY_CUTOVER),
		nowMs,
	});
	const counters = new Counters();
	const sim: Simulator = {
		state,
		clients: new ClientRegistry(),
		tokens: new TokenStore(),
		// Separate sequences so run-time ids do not shift when fault settings change.
		ids: createPrng(seed ^ 0x5eed1d5),
		health: new HealthMonitor(nowMs, options.outageAfterSeconds, options.authServiceStartupSeconds ?? 0),
		faults: new FaultInjector(options.faults ?? {}, createPrng(seed ^ 0xfa017)),
		counters,
		tokenTtlSeconds: options.tokenTtlSeconds ?? 300,
		directBearerOnly: options.directBearerOnly === true ? 404 : (options.directBearerOnly ?? false),
		...(options.ldapCaPem ? {ldapCaPem: options.ldapCaPem} : {}),
	};

	const madeDataDir = options.dataDir === undefined;
	const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'oag-sim-')));
	const scopes = [...(options.scopes ?? SCOPES)];
	const keyFile = join(dataDir, 'oag-sim-client-key.pem');
	let seeded: Awaited<ReturnType<ClientRegistry['register']>>;
	let server: Server | undefined;
	let caPem: string | undefined;
	let caFile: string | undefined;
	try {
		await mkdir(dataDir, {recursive: true});
		seeded = await sim.clients.register(scopes, 'RS256');
		await writeFile(keyFile, seeded.privateKeyPem, {mode: 0o600});
		// writeFile's mode only applies when the file is created; a reused dataDir must not keep a looser one.
		await chmod(keyFile, 0o600);

		const handler = createRequestHandler(sim);
		if (options.http) {
			server = createHttpServer(handler);
		} else {
			const tls = await generateTlsMaterial();
			caPem = tls.caPem;
			caFile = join(dataDir, 'oag-sim-ca.pem');
			await writeFile(caFile, caPem);
			server = createHttpsServer({key: tls.keyPem, cert: tls.certPem}, handler);
		}
		await listen(server, options.port ?? 0, host);
	} catch (error) {
		// A failed start (port taken, bad option) must not leave the client's private key behind.
		await (madeDataDir ? rm(dataDir, {recursive: true, force: true}) : Promise.all([keyFile, caFile].map(file => file && rm(file, {force: true}))));
		throw error;
	}
	const {port} = server.address() as AddressInfo;
	const listening = server;

	const control: SimulatorControl = {
		setFaults: faults => sim.faults.set(faults),
		addClient: (clientScopes, alg) => sim.clients.register(clientScopes, alg ?? 'RS256'),
		expireTokens: () => sim.tokens.revokeAll(),
		setOutage: on => sim.health.setOutage(on, Date.now()),
		setGatewayVersion: version => {
			state.gatewayVersion = checkedVersion(version);
			// Same rule as setting AUTOMATIC: an upgrade into the access-policy era gives every IdP that
			// is already AUTOMATIC its default policy (ensureDefaultPolicy is a no-op when one exists).
			for (const record of state.idps.values()) {
				if (record.failoverMode === 'AUTOMATIC') ensureDefaultPolicy(state, record, () => sim.ids.uuid());
			}
		},
		counters: () => counters.snapshot(),
		resetCounters: () => counters.reset(),
	};

	let closing: Promise<void> | undefined;
	const close = () =>
		(closing ??= new Promise<void>(resolve => {
			listening.close(() => resolve());
			// Keep-alive connections would hold close() open until they time out.
			listening.closeAllConnections();
		}).then(async () => {
			// A temp dir we made holds a private key: do not leave it behind.
			if (!options.dataDir) await rm(dataDir, {recursive: true, force: true});
		}));

	return {
		url: `${options.http ? 'http' : 'https'}://${urlHost(host)}:${port}`,
		clientId: seeded.clientId,
		privateKeyPem: seeded.privateKeyPem,
		keyFile,
		...(caFile ? {caFile, caPem} : {}),
		scopes,
		control,
		close,
	};
}
