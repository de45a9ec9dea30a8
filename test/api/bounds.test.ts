import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {createDispatcher} from '../../source/api/http/dispatcher.js';
import {errorFromResponse} from '../../source/api/http/errorMapping.js';
import {createTransport, type TransportOptions} from '../../source/api/http/transport.js';
import {OagError} from '../../source/api/errors.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {clientFor} from './support/clientFor.js';

// Bounded resources: the client, not the gateway, decides how much it reads, how many items it keeps and how
// long it waits. Against a loopback server that misbehaves on purpose, and against the simulator.

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
let handler: Handler = (_req, res) => res.end();
let hits = 0;
let server: http.Server;
let origin = '';

beforeAll(async () => {
	server = http.createServer((req, res) => {
		hits++;
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
});

/** A transport whose sleeps advance a virtual clock, so deadlines are checked without waiting. */
function transport(extra: Partial<TransportOptions> = {}) {
	const sleeps: number[] = [];
	let clock = 0;
	const dispatcher = createDispatcher({protocol: 'http', host: '127.0.0.1', connectMs: 1000, totalMs: 10_000, connections: 8, warn: () => {}});
	const t = createTransport({
		origin,
		dispatcher,
		totalMs: 10_000,
		maxRetries: 10,
		backoff: {baseDelayMs: 1, maxDelayMs: 5},
		concurrency: 8,
		sleep: async (ms) => {
			sleeps.push(ms);
			clock += ms;
		},
		now: () => clock,
		random: () => 0,
		...extra,
	});
	return {t, sleeps, dispatcher};
}

const rejection = async (work: Promise<unknown>): Promise<OagError> => {
	const error = await work.then(() => undefined, (caught: unknown) => caught);
	expect(error).toBeInstanceOf(OagError);
	return error as OagError;
};

describe('response body cap', () => {
	it('a body that never ends fails at the cap, with the limit in the message', async () => {
		const chunk = Buffer.alloc(64 * 1024, 'a');
		handler = (_req, res) => {
			res.writeHead(200, {'content-type': 'application/json'});
			const pump = (): void => {
				while (res.write(chunk)) {
					/* fill the socket buffer */
				}
				res.once('drain', pump);
			};
			res.on('close', () => res.removeAllListeners('drain'));
			pump();
		};
		const {t, dispatcher} = transport({maxBodyBytes: 1024 * 1024});
		const error = await rejection(t.send({method: 'GET', path: '/apps', retry: 'idempotent'}));
		expect(error.kind).toBe('bad-response');
		expect(error.message).toBe("The gateway's answer to GET /apps is larger than 1 MiB (this client's limit); it was not read.");
		expect(hits).toBe(1); // a too-large answer is not asked for again
		await dispatcher.close();
	});

	it('a declared Content-Length over the cap is refused before reading', async () => {
		handler = (_req, res) => {
			res.writeHead(200, {'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024)});
			res.write('[');
		};
		const {t, dispatcher} = transport();
		const error = await rejection(t.send({method: 'GET', path: '/x', retry: 'idempotent'}));
		expect(error.message).toBe("The gateway's answer to GET /x is larger than 32 MiB (this client's limit); it was not read.");
		await dispatcher.close();
	});

	it('a body at the cap is read whole', async () => {
		const body = JSON.stringify('x'.repeat(1000));
		handler = (_req, res) => res.end(body);
		const {t, dispatcher} = transport({maxBodyBytes: body.length});
		expect((await t.send({method: 'GET', path: '/x', retry: 'idempotent'})).text).toBe(body);
		await dispatcher.close();
	});
});

describe('Retry-After ceiling and total deadline', () => {
	const rateLimited = (seconds: string): Handler => (_req, res) => {
		res.writeHead(429, {'content-type': 'application/json', 'retry-after': seconds});
		res.end('{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests.","errorCauses":[]}');
	};
	const message = (response: {status: number; text: string; retryAfterSeconds?: number}) =>
		errorFromResponse({method: 'GET', path: '/apps', status: response.status, bodyText: response.text, ...(response.retryAfterSeconds !== undefined ? {retryAfterSeconds: response.retryAfterSeconds} : {})}).message;

	it('honours a Retry-After under the ceiling', async () => {
		handler = (req, res) => (hits < 3 ? rateLimited('2')(req, res) : res.end('[]'));
		const {t, sleeps, dispatcher} = transport();
		expect((await t.send({method: 'GET', path: '/apps', retry: 'idempotent'})).status).toBe(200);
		expect(sleeps).toEqual([2000, 2000]);
		await dispatcher.close();
	});

	it('a Retry-After over the ceiling is not waited for: one request, "rate limited, retry after N s"', async () => {
		handler = rateLimited('3600');
		const {t, sleeps, dispatcher} = transport();
		const response = await t.send({method: 'GET', path: '/apps', retry: 'idempotent'});
		expect(hits).toBe(1);
		expect(sleeps).toEqual([]);
		expect(message(response)).toBe('GET /apps: rate limited, retry after 3600 s.');
		await dispatcher.close();
	});

	it('a 429 storm stops at the total deadline, not after max retries', async () => {
		handler = rateLimited('10');
		const {t, sleeps, dispatcher} = transport({deadlineMs: 25_000});
		const response = await t.send({method: 'GET', path: '/apps', retry: 'idempotent'});
		expect(sleeps).toEqual([10_000, 10_000]); // a third wait would end at 30 s, past the deadline
		expect(hits).toBe(3);
		expect(message(response)).toBe('GET /apps: rate limited, retry after 10 s.');
		await dispatcher.close();
	});

	it('a 5xx storm stops at the deadline too', async () => {
		handler = (_req, res) => res.writeHead(503).end();
		const {t, sleeps, dispatcher} = transport({deadlineMs: 100, backoff: {baseDelayMs: 40, maxDelayMs: 40}, random: () => 1});
		expect((await t.send({method: 'GET', path: '/x', retry: 'idempotent'})).status).toBe(503);
		expect(sleeps).toEqual([40, 40]);
		await dispatcher.close();
	});
});

describe('bounds through the client, against the simulator', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startTestSimulator({apps: 40, idps: 1});
	});
	afterAll(async () => sim?.close());

	it('a list longer than the count cap is refused with a message', async () => {
		const client = clientFor(sim, {limits: {maxListItems: 10}});
		try {
			const error = await rejection(client.apps.list());
			expect(error.kind).toBe('bad-response');
			expect(error.message).toMatch(/^The gateway's answer to GET \S+ lists 40 items, more than this client's limit of 10; it was not shown\.$/);
			expect(await client.idps.list()).toHaveLength(1);
		} finally {
			await client.close();
		}
	});

	it('the body cap is the client option, whatever the gateway sends', async () => {
		const client = clientFor(sim, {limits: {maxBodyBytes: 2048}});
		try {
			const error = await rejection(client.apps.list());
			expect(error.message).toMatch(/is larger than 2 KiB \(this client's limit\)/);
		} finally {
			await client.close();
		}
	});

	it('rate limiting from the gateway ends with when to retry', async () => {
		const client = clientFor(sim, {limits: {maxRetryAfterSeconds: 0}});
		try {
			await client.certificates.list();
			sim.control.setFaults({rateLimitPerSecond: 1});
			const results = await Promise.allSettled([client.apps.list(), client.apps.list(), client.apps.list()]);
			const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
			expect(refused.length).toBeGreaterThan(0);
			expect((refused[0]!.reason as OagError).message).toMatch(/: rate limited, retry after \d+ s\.$/);
		} finally {
			sim.control.setFaults({});
			await client.close();
		}
	});
});
