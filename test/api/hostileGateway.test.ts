import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {OagError} from '../../source/api/errors.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {startHostileGateway, TERMINAL_ATTACK, type HostileGateway} from '../helpers/hostileGateway.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {clientFor} from './support/clientFor.js';

// The API client against a hostile gateway over HTTPS (test/helpers/hostileGateway.ts in front of the
// simulator): echoed secrets, 429 storms, a huge body and a body that never ends.

let sim: RunningSimulator;
let gateway: HostileGateway;
beforeAll(async () => {
	sim = await startTestSimulator({http: true, idps: 1, apps: 3});
	gateway = await startHostileGateway(sim.url, {tls: true});
});
afterAll(async () => {
	await gateway?.close();
	await sim?.close();
});

const client = (limits: Parameters<typeof clientFor>[1] = {}) => clientFor({...sim, url: gateway.url, caPem: gateway.caPem}, limits);

async function failure(work: (c: ReturnType<typeof client>) => Promise<unknown>, limits: Parameters<typeof clientFor>[1] = {}): Promise<OagError> {
	const c = client(limits);
	try {
		await c.idps.list(); // a token first, through the faithful proxy
		const error = await work(c).then(() => undefined, (caught: unknown) => caught);
		expect(error).toBeInstanceOf(OagError);
		return error as OagError;
	} finally {
		gateway.set({});
		await c.close();
	}
}

const visible = (error: OagError): string => `${error.message}\n${JSON.stringify(error.details)}\n${JSON.stringify(error.fieldErrors())}`;

describe('a hostile gateway', () => {
	it('forwards faithfully with no behaviour set, over its own HTTPS', async () => {
		const c = client();
		try {
			expect(await c.idps.list()).toHaveLength(1);
		} finally {
			await c.close();
		}
	});

	it('secrets it echoes in any encoding never reach the error', async () => {
		const password = 'Pa"ss\\ 100% sûr ß字 +/=';
		const error = await failure((c) => {
			gateway.set({echoSecrets: true});
			return c.authService.enable({
				serverNodes: ['node-1'],
				database: {type: 'mysql', host: 'db.internal', port: 3306, name: 'oag', username: 'oag_admin_user', password},
				publicDomain: 'offline.example.com',
				certificateId: 'cert-1',
			});
		});
		expect(error.kind).toBe('validation');
		const shown = visible(error);
		const forms = [
			password,
			JSON.stringify(password).slice(1, -1),
			encodeURIComponent(password),
			new URLSearchParams({v: password}).toString().slice(2),
			Buffer.from(password).toString('base64'),
			Buffer.from(`admin:${password}`).toString('base64'),
			'oag_admin_user',
		];
		for (const form of forms) expect(shown, form).not.toContain(form);
		expect(shown).toContain('[redacted]');
		// eslint-disable-next-line no-control-regex
		expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
	});

	it('a 429 storm with a long Retry-After: one request, "rate limited, retry after N s"', async () => {
		const before = gateway.counters().requests;
		const error = await failure((c) => {
			gateway.set({rateLimit: {retryAfter: '3600'}});
			return c.apps.list();
		});
		expect(error.kind).toBe('rate-limited');
		expect(error.message).toMatch(/: rate limited, retry after 3600 s\.$/);
		expect(gateway.counters().requests - before).toBe(3); // the token, the warm-up read and the refused one: no retry
	});

	it('a 429 storm with a short Retry-After stops at the total deadline', async () => {
		const error = await failure(
			(c) => {
				gateway.set({rateLimit: {retryAfter: '1'}});
				return c.apps.list();
			},
			{retries: {max: 50, baseDelayMs: 1, maxDelayMs: 2}, limits: {deadlineMs: 2_500}},
		);
		expect(error.message).toMatch(/: rate limited, retry after 1 s\.$/);
	});

	it('a huge body is refused at the client cap, not parsed', async () => {
		const error = await failure((c) => {
			gateway.set({hugeBodyBytes: 40 * 1024 * 1024});
			return c.apps.list();
		});
		expect(error.kind).toBe('bad-response');
		expect(error.message).toMatch(/is larger than 32 MiB \(this client's limit\); it was not read\.$/);
	});

	it('a body that never ends is cut at the cap', async () => {
		const error = await failure(
			(c) => {
				gateway.set({endlessBody: true});
				return c.apps.list();
			},
			{limits: {maxBodyBytes: 4 * 1024 * 1024}},
		);
		expect(error.message).toMatch(/is larger than 4 MiB/);
		expect(gateway.counters().streamedBytes).toBeGreaterThan(4 * 1024 * 1024);
	});

	it('escape sequences in error text never reach the message', async () => {
		const error = await failure((c) => {
			gateway.set({rateLimit: {retryAfter: 'soon'}});
			return c.apps.list();
		}, {retries: {max: 0}});
		expect(error.kind).toBe('rate-limited');
		expect(TERMINAL_ATTACK).toContain('\u001b');
		// eslint-disable-next-line no-control-regex
		expect(error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
	});
});
