import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import type {RequestEvent} from '../../source/api/clientOptions.js';
import {createDispatcher} from '../../source/api/http/dispatcher.js';
import {createTransport, type TransportOptions} from '../../source/api/http/transport.js';

// The transport against a tiny loopback HTTP server whose behaviour each test scripts.

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let handler: Handler = (_req, res) => res.end();
let hits = 0;
let inFlight = 0;
let maxInFlight = 0;
let server: http.Server;
let origin = '';

beforeAll(async () => {
	server = http.createServer((req, res) => {
		hits++;
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		res.on('close', () => inFlight--);
		handler(req, res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
	hits = 0;
	maxInFlight = 0;
});

function transport(extra: Partial<TransportOptions> = {}) {
	const events: RequestEvent[] = [];
	const sleeps: number[] = [];
	const dispatcher = createDispatcher({protocol: 'http', host: '127.0.0.1', connectMs: 1000, totalMs: 2000, connections: 8, warn: () => {}});
	const t = createTransport({
		origin,
		dispatcher,
		totalMs: 2000,
		maxRetries: 3,
		backoff: {baseDelayMs: 1, maxDelayMs: 5},
		concurrency: 8,
		onRequest: (event) => events.push(event),
		sleep: async (ms) => {
			sleeps.push(ms);
		},
		...extra,
	});
	return {t, events, sleeps, dispatcher};
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
	res.writeHead(status, {'content-type': 'application/json', ...headers});
	res.end(JSON.stringify(body));
};

describe('transport', () => {
	it('retries an idempotent request on 5xx, with a fresh header each attempt', async () => {
		handler = (req, res) => (hits < 3 ? json(res, 503, {}) : json(res, 200, {auth: req.headers.authorization}));
		const {t, events} = transport();
		let n = 0;
		const response = await t.send({method: 'GET', path: '/x', retry: 'idempotent', headers: async () => ({authorization: `Bearer ${++n}`})});
		expect(response.status).toBe(200);
		expect(JSON.parse(response.text)).toEqual({auth: 'Bearer 3'});
		expect(events.map((e) => [e.attempt, e.status])).toEqual([
			[1, 503],
			[2, 503],
			[3, 200],
		]);
		expect(events[0]).toMatchObject({method: 'GET', path: '/x'});
		expect(Object.keys(events[0]!).sort()).toEqual(['attempt', 'method', 'ms', 'path', 'status']);
	});

	it('gives up after max retries and returns the last answer', async () => {
		handler = (_req, res) => json(res, 500, {errorCode: 'E', errorSummary: 'down', errorCauses: []});
		const {t} = transport();
		expect((await t.send({method: 'PUT', path: '/x', body: '{}', retry: 'idempotent'})).status).toBe(500);
		expect(hits).toBe(4);
	});

	it('never retries a create', async () => {
		handler = (_req, res) => json(res, 500, {});
		const {t} = transport();
		expect((await t.send({method: 'POST', path: '/x', body: '{}', retry: 'never'})).status).toBe(500);
		expect(hits).toBe(1);
	});

	it('honours Retry-After on 429', async () => {
		handler = (_req, res) => (hits === 1 ? json(res, 429, {}, {'retry-after': '2'}) : json(res, 200, {}));
		const {t, sleeps} = transport();
		expect((await t.send({method: 'GET', path: '/x', retry: 'idempotent'})).status).toBe(200);
		expect(sleeps).toHaveLength(1);
		expect(sleeps[0]).toBeGreaterThanOrEqual(2000);
		expect(sleeps[0]).toBeLessThan(2010);
	});

	it('returns a 429 with retryAfterSeconds when retries run out', async () => {
		handler = (_req, res) => json(res, 429, {}, {'retry-after': '1'});
		const {t} = transport({maxRetries: 0});
		expect(await t.send({method: 'GET', path: '/x', retry: 'idempotent'})).toMatchObject({status: 429, retryAfterSeconds: 1});
	});

	it('retries a reset connection, then reports network', async () => {
		handler = (req) => req.socket.destroy();
		const {t, events} = transport();
		await expect(t.send({method: 'GET', path: '/x', retry: 'idempotent'})).rejects.toMatchObject({kind: 'network'});
		expect(hits).toBe(4);
		expect(events.every((e) => e.status === undefined)).toBe(true);
	});

	it('a closed port is a network error', async () => {
		const closed = http.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		const {t} = transport({origin: `http://127.0.0.1:${port}`, maxRetries: 1});
		const error = await t.send({method: 'GET', path: '/x', retry: 'idempotent'}).catch((e: unknown) => e);
		expect(error).toMatchObject({kind: 'network', details: {errorCode: 'ECONNREFUSED'}});
	});

	it('a slow answer is a timeout and is not retried', async () => {
		handler = () => {}; // never answers
		const {t} = transport({totalMs: 200});
		const started = Date.now();
		await expect(t.send({method: 'GET', path: '/x', retry: 'idempotent'})).rejects.toMatchObject({kind: 'timeout'});
		expect(Date.now() - started).toBeLessThan(1500);
		expect(hits).toBe(1);
	});

	it('keeps at most `concurrency` requests in flight', async () => {
		handler = (_req, res) => setTimeout(() => json(res, 200, {}), 20);
		const {t} = transport({concurrency: 3});
		await Promise.all(Array.from({length: 15}, () => t.send({method: 'GET', path: '/x', retry: 'idempotent'})));
		expect(hits).toBe(15);
		expect(maxInFlight).toBe(3);
	});
});

describe('dispatcher warnings', () => {
	it('warns loudly on every insecure construction', () => {
		const warnings: string[] = [];
		for (let i = 0; i < 2; i++) {
			createDispatcher({protocol: 'https', host: 'oag.example.com', insecure: true, connectMs: 1, totalMs: 1, connections: 1, warn: (m) => warnings.push(m)});
		}
		expect(warnings).toHaveLength(2);
		expect(warnings[0]).toMatch(/^TLS verification is OFF \(--insecure\): /);
	});

	it('refuses plain http to a non-loopback host unless --insecure, and then warns', () => {
		const warnings: string[] = [];
		const warn = (m: string) => warnings.push(m);
		for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '[::1]']) {
			createDispatcher({protocol: 'http', host, connectMs: 1, totalMs: 1, connections: 1, warn});
		}
		expect(warnings).toHaveLength(0);
		expect(() => createDispatcher({protocol: 'http', host: 'oag.example.com', connectMs: 1, totalMs: 1, connections: 1, warn})).toThrow(
			/Refusing plain http:\/\/ to oag\.example\.com.*--insecure/,
		);
		createDispatcher({protocol: 'http', host: 'oag.example.com', insecure: true, connectMs: 1, totalMs: 1, connections: 1, warn});
		expect(warnings.some(w => /Plain http/.test(w))).toBe(true);
	});
});
