import {generateKeyPairSync} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {OagError} from '../../source/api/errors.js';
import type {RunningSimulator} from '../../source/simulator/types.js';
import {createSetupService} from '../../source/commands/tuiSetup.js';
import {setupFailureFrom} from '../../source/ui/screens/setup/setupErrors.js';
import type {SetupValues} from '../../source/ui/screens/setup/setupForm.js';
import {freePort} from '../helpers/daemon.js';
import {startTestSimulator} from '../helpers/simulator.js';

// Setup's failures name the cause and the field to change: first the mapping from each error kind, then
// the real client against the simulator (a refused certificate, a wrong key, a closed port).

describe('setup failures by error kind', () => {
	it('a TLS failure is our side refusing the certificate: the CA file field, --insecure only as the last resort', () => {
		const failure = setupFailureFrom(new OagError('tls', 'TLS: not trusted', {errorCode: 'SELF_SIGNED_CERT_IN_CHAIN'}), 'oag.example.com');
		expect(Object.keys(failure.fieldErrors ?? {})).toEqual(['caFile']);
		expect(failure.fieldErrors?.caFile).toContain('SELF_SIGNED_CERT_IN_CHAIN');
		expect(failure.message).toMatch(/^We refused the TLS certificate of oag\.example\.com/);
		expect(failure.message).toMatch(/last resort.*--insecure/);
	});

	it('a connection or DNS failure, or no answer, points at the host field', () => {
		const network = setupFailureFrom(new OagError('network', 'Cannot reach https://x (GET /y): host name not found (check the host name and DNS).'), 'x');
		expect(Object.keys(network.fieldErrors ?? {})).toEqual(['host']);
		expect(network.fieldErrors?.host).toBe('Cannot reach this host: host name not found (check the host name and DNS).');
		const timeout = setupFailureFrom(new OagError('timeout', 'Timed out'), 'x');
		expect(Object.keys(timeout.fieldErrors ?? {})).toEqual(['host']);
	});

	it('a 401 points at the client id and the key', () => {
		const failure = setupFailureFrom(new OagError('unauthorized', 'invalid_client', {status: 401}), 'x');
		expect(Object.keys(failure.fieldErrors ?? {}).sort()).toEqual(['clientId', 'privateKeyPem']);
		expect(failure.message).toContain('401');
	});

	it('a missing scope names the scope', () => {
		const failure = setupFailureFrom(new OagError('missing-scope', 'forbidden', {status: 403, scope: 'okta.oag.idp.read'}), 'x');
		expect(failure.message).toContain('lacks the scope okta.oag.idp.read');
		expect(failure.fieldErrors).toBeUndefined();
	});

	it('a validation error keeps its per-field causes; anything else is one message', () => {
		const failure = setupFailureFrom(new OagError('validation', 'bad', {causes: [{field: 'clientId', errorSummary: 'unknown client'}]}), 'x');
		expect(failure.fieldErrors).toEqual({clientId: 'unknown client'});
		expect(setupFailureFrom(new Error('boom'), 'x')).toEqual({ok: false, message: 'The check failed: boom'});
	});
});

describe('setup failures from the real client', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startTestSimulator();
	}, 30_000);
	afterAll(async () => {
		await sim?.close();
	});

	const values = (over: Partial<SetupValues>): SetupValues => ({
		host: sim.url,
		clientId: sim.clientId,
		privateKeyPem: sim.privateKeyPem,
		caFile: sim.caFile ?? '',
		profile: 'gw',
		backend: 'keychain',
		passphrase: '',
		passphraseConfirm: '',
		...over,
	});
	const service = createSetupService({insecure: false, readOnly: true});
	const noProgress = () => undefined;

	it('accepts the right credentials (test stores nothing)', async () => {
		const outcome = await service.test!(values({}), noProgress);
		expect(outcome).toMatchObject({ok: true});
	});

	it('without the CA file the certificate is refused, and the CA file field says so', async () => {
		const outcome = await service.test!(values({caFile: ''}), noProgress);
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(Object.keys(outcome.fieldErrors ?? {})).toEqual(['caFile']);
		expect(outcome.message).toContain('We refused the TLS certificate');
	});

	it('a key of another client is refused on the client id and key fields', async () => {
		const {privateKey} = generateKeyPairSync('rsa', {modulusLength: 2048, privateKeyEncoding: {type: 'pkcs8', format: 'pem'}, publicKeyEncoding: {type: 'spki', format: 'pem'}});
		const outcome = await service.test!(values({privateKeyPem: privateKey}), noProgress);
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(Object.keys(outcome.fieldErrors ?? {}).sort()).toEqual(['clientId', 'privateKeyPem']);
	});

	it('a port where nothing listens is a problem of the host field', async () => {
		const closed = await freePort();
		const outcome = await service.test!(values({host: `https://127.0.0.1:${closed}`}), noProgress);
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(Object.keys(outcome.fieldErrors ?? {})).toEqual(['host']);
		expect(outcome.fieldErrors?.host).toContain('connection refused');
	});

	it('a client id the client refuses before sending anything is put on the client id field, not the host', async () => {
		const outcome = await service.test!(values({clientId: 'a b'}), noProgress);
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(Object.keys(outcome.fieldErrors ?? {})).toEqual(['clientId']);
		expect(outcome.fieldErrors?.clientId).toContain('contains spaces');
		expect(outcome.message).not.toContain('host');
	});

	it('a host the client refuses before sending anything is put on the host field', async () => {
		const outcome = await service.test!(values({host: 'https://oag.example.com/some/path?x=1'}), noProgress);
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(Object.keys(outcome.fieldErrors ?? {})).toEqual(['host']);
		expect(outcome.fieldErrors?.host).toContain('Not a gateway host');
	});

	it('an unreadable CA file is refused on the CA file field before anything is sent', async () => {
		const outcome = await service.test!(values({caFile: '/nonexistent/ca.pem'}), noProgress);
		expect(outcome).toMatchObject({ok: false, fieldErrors: {caFile: expect.stringContaining('/nonexistent/ca.pem')}});
	});
});
