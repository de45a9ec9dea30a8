import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createOagClient} from '../../source/api/client.js';
import {memoryAuditLog} from '../../source/audit/memoryLog.js';
import {bulkExitCode} from '../../source/commands/operationCommand.js';
import {EXIT} from '../../source/domain/exitCodes.js';
import {runBulk} from '../../source/operations/bulk.js';
import {failoverOperation} from '../../source/operations/failover.js';
import {createRunner} from '../../source/operations/runner.js';
import {simWithClient, type SimClient} from '../operations/support.js';

// A bulk change's exit code (README "Exit codes"): real bulk runs against the simulator.

let env: SimClient;
let ids: string[];

beforeAll(async () => {
	env = await simWithClient({idps: 3});
	ids = (await env.client.idps.list()).map(idp => idp.id);
});
afterAll(async () => {
	await env?.close();
});

const runner = () => createRunner({audit: memoryAuditLog(), actor: () => ({profile: 'p', gateway: 'g', via: 'cli'}), readOnly: () => false});
const bulk = (api: typeof env.client, targets: string[]) =>
	runBulk(runner(), targets.map(id => failoverOperation(api, {id}, 'AUTOMATIC')));

describe('bulkExitCode', () => {
	it('0 when all went through, 4 when some failed, 1 when none did', async () => {
		expect(bulkExitCode(await bulk(env.client, ids))).toBe(EXIT.ok);
		expect(bulkExitCode(await bulk(env.client, [...ids, 'no-such-idp']))).toBe(EXIT.partial);
		expect(bulkExitCode(await bulk(env.client, ['no-such-idp', 'nor-this-one']))).toBe(EXIT.failure);
	});

	it('3 when every change was refused for the client (unknown client id)', async () => {
		const stranger = createOagClient({
			host: env.sim.url,
			clientId: '00000000-0000-4000-8000-000000000000',
			privateKey: env.sim.privateKeyPem,
			...(env.sim.caPem ? {caPem: env.sim.caPem} : {}),
			retries: {max: 0},
		});
		try {
			const result = await bulk(stranger, ids);
			expect(result.failed).toBe(ids.length);
			expect(bulkExitCode(result)).toBe(EXIT.auth);
		} finally {
			await stranger.close();
		}
	});
});
