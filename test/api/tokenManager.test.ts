import {generateKeyPairSync} from 'node:crypto';
import {decodeJwt} from 'jose';
import {describe, expect, it} from 'vitest';
import {importSigningKey} from '../../source/api/auth/assertion.js';
import {createTokenManager, renewMarginFor, type TokenManagerOptions} from '../../source/api/auth/tokenManager.js';
import type {AuthMode} from '../../source/api/clientOptions.js';
import type {Exchange, RawResponse, Transport} from '../../source/api/http/transport.js';

const pem = generateKeyPairSync('ec', {namedCurve: 'P-256'}).privateKey.export({type: 'pkcs8', format: 'pem'}).toString();
const signingKey = importSigningKey(pem);

type Answer = (form: URLSearchParams) => RawResponse | Promise<RawResponse>;

function fakeTransport(answer: Answer) {
	const forms: URLSearchParams[] = [];
	const transport: Transport = {
		async send(exchange: Exchange) {
			const body = typeof exchange.body === 'function' ? await exchange.body() : (exchange.body ?? '');
			const form = new URLSearchParams(body);
			forms.push(form);
			return answer(form);
		},
	};
	return {transport, forms};
}

const tokenAnswer = (ttl = 300): Answer => {
	let n = 0;
	return () => ({status: 200, text: JSON.stringify({access_token: `tok-${++n}`, token_type: 'Bearer', expires_in: ttl, scope: 'x'})});
};

function manager(transport: Transport, extra: Partial<TokenManagerOptions> = {}) {
	return createTokenManager({
		transport,
		clientId: 'client-1',
		audience: 'https://oag.example.com',
		scopes: ['okta.oag.idp.read', 'okta.oag.app.read'],
		signingKey: () => signingKey,
		...extra,
	});
}

describe('token manager', () => {
	it('sends the documented form and caches the token', async () => {
		const {transport, forms} = fakeTransport(tokenAnswer());
		const tokens = manager(transport);
		expect(await tokens.credential()).toEqual({authorization: 'Bearer tok-1'});
		expect(await tokens.credential()).toEqual({authorization: 'Bearer tok-1'});
		expect(forms).toHaveLength(1);
		const form = forms[0]!;
		expect(form.get('grant_type')).toBe('client_credentials');
		expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
		expect(form.get('scope')).toBe('okta.oag.idp.read okta.oag.app.read');
		expect(decodeJwt(form.get('client_assertion')!)).toMatchObject({iss: 'client-1', aud: 'https://oag.example.com'});
		expect(tokens.state()).toMatchObject({mode: 'token', mints: 1});
	});

	it('shares one mint among concurrent callers', async () => {
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const mint = tokenAnswer();
		const {transport, forms} = fakeTransport(async (form) => {
			await gate;
			return mint(form);
		});
		const tokens = manager(transport);
		const pending = Array.from({length: 50}, () => tokens.credential());
		release();
		const all = await Promise.all(pending);
		expect(new Set(all.map((c) => c.authorization))).toEqual(new Set(['Bearer tok-1']));
		expect(forms).toHaveLength(1);
	});

	it('renews 30 s before expiry, not earlier', async () => {
		let clock = 1_800_000_000_000;
		const {transport, forms} = fakeTransport(tokenAnswer(300));
		const tokens = manager(transport, {now: () => clock});
		await tokens.credential();
		expect(tokens.state().tokenExpiresAt).toBe(clock + 300_000);
		clock += 269_000;
		expect((await tokens.credential()).authorization).toBe('Bearer tok-1');
		clock += 1_000;
		expect((await tokens.credential()).authorization).toBe('Bearer tok-2');
		expect(forms).toHaveLength(2);
	});

	it('a short-lived token is still used for 5 s, a tiny one for half its life', async () => {
		expect(renewMarginFor(300_000)).toBe(30_000);
		expect(renewMarginFor(35_000)).toBe(30_000);
		expect(renewMarginFor(20_000)).toBe(15_000);
		expect(renewMarginFor(6_000)).toBe(3_000);
		let clock = 0;
		const {transport} = fakeTransport(tokenAnswer(20));
		const tokens = manager(transport, {now: () => clock});
		await tokens.credential();
		clock += 4_999;
		expect((await tokens.credential()).authorization).toBe('Bearer tok-1');
		clock += 1;
		expect((await tokens.credential()).authorization).toBe('Bearer tok-2');
	});

	it('a rejected credential is renewed once, however many callers report it', async () => {
		const {transport, forms} = fakeTransport(tokenAnswer());
		const tokens = manager(transport);
		const first = await tokens.credential();
		tokens.reject(first);
		const second = await tokens.credential();
		tokens.reject(first); // a late 401 for the old token must not throw away the new one
		expect(await tokens.credential()).toBe(second);
		expect(forms).toHaveLength(2);
	});

	it.each([404, 405])('falls back to direct-bearer when the token endpoint answers %i', async (status) => {
		const detected: AuthMode[] = [];
		const {transport, forms} = fakeTransport(() => ({status, text: ''}));
		const tokens = manager(transport, {onAuthModeDetected: (mode) => detected.push(mode)});
		const [a, b] = await Promise.all([tokens.credential(), tokens.credential()]);
		const c = await tokens.credential();
		expect(detected).toEqual(['direct-bearer']);
		expect(forms).toHaveLength(1);
		expect(tokens.state()).toEqual({mode: 'direct-bearer', mints: 0});
		// Each call carries its own fresh assertion.
		const assertions = [a, b, c].map((cred) => cred.authorization.replace(/^Bearer /, ''));
		expect(new Set(assertions.map((jwt) => decodeJwt(jwt).jti)).size).toBe(3);
		expect(decodeJwt(assertions[0]!)).toMatchObject({iss: 'client-1', sub: 'client-1', aud: 'https://oag.example.com'});
	});

	it('starts in direct-bearer when told to and never calls the token endpoint', async () => {
		const {transport, forms} = fakeTransport(tokenAnswer());
		const tokens = manager(transport, {initialMode: 'direct-bearer'});
		await tokens.credential();
		expect(forms).toHaveLength(0);
	});

	it('a refused assertion is one human line, kind unauthorized', async () => {
		const body = JSON.stringify({errorCode: 'invalid_client', errorSummary: 'The client assertion aud must be https://oag.example.com.', errorCauses: []});
		const {transport} = fakeTransport(() => ({status: 401, text: body}));
		const error = await manager(transport).credential().catch((e: unknown) => e);
		expect(error).toMatchObject({
			kind: 'unauthorized',
			message:
				'The gateway refused the client assertion: The client assertion aud must be https://oag.example.com. Check the client id, the key and the host name (the JWT audience is https://oag.example.com).',
		});
	});

	it('a scope the client was not granted is missing-scope', async () => {
		const body = JSON.stringify({errorCode: 'invalid_scope', errorSummary: 'The scope okta.oag.idp.manage was not granted to this client.', errorCauses: []});
		const {transport} = fakeTransport(() => ({status: 401, text: body}));
		const error = await manager(transport).credential().catch((e: unknown) => e);
		expect(error).toMatchObject({kind: 'missing-scope', details: {scope: 'okta.oag.idp.manage'}});
	});

	it('a body that merely contains the word "scope" is not a scope refusal', async () => {
		for (const body of [
			{error: 'invalid_client', error_description: 'The client_assertion is invalid; its scope claim was not even read.'},
			{errorCode: 'E0000011', errorSummary: 'Invalid token provided (scope of the check: signature)', errorCauses: []},
		]) {
			const {transport} = fakeTransport(() => ({status: 401, text: JSON.stringify(body)}));
			const error = await manager(transport).credential().catch((e: unknown) => e);
			expect(error, JSON.stringify(body)).toMatchObject({kind: 'unauthorized'});
			expect((error as Error).message).toMatch(/^The gateway refused the client assertion: .* Check the client id, the key and the host name/);
		}
	});

	it('an echo of the client assertion, in any encoding, is masked in the refusal', async () => {
		for (const status of [401, 500]) {
			const {transport} = fakeTransport((form) => {
				const assertion = form.get('client_assertion')!;
				const echoed = [Buffer.from(assertion).toString('base64'), encodeURIComponent(assertion), JSON.stringify(assertion)].join(' ');
				return {status, text: JSON.stringify({error: 'invalid_client', error_description: `rejected ${echoed}`})};
			});
			const error = (await manager(transport).credential().catch((e: unknown) => e)) as Error;
			expect(error.message, String(status)).toMatch(/rejected \[redacted\] \[redacted\] "\[redacted\]"/);
		}
	});

	it('an OAuth scope code is a scope refusal even when no scope is named', async () => {
		for (const code of ['invalid_scope', 'insufficient_scope']) {
			const {transport} = fakeTransport(() => ({status: 400, text: JSON.stringify({error: code, error_description: 'The requested scopes are not allowed.'})}));
			const error = await manager(transport).credential().catch((e: unknown) => e);
			expect(error, code).toMatchObject({kind: 'missing-scope'});
			expect((error as Error).message).toMatch(/^The gateway refused the requested scopes \(okta\.oag\.idp\.read okta\.oag\.app\.read\)/);
		}
	});

	it('a token answer that is not the documented shape is bad-response and does not echo it', async () => {
		const {transport} = fakeTransport(() => ({status: 200, text: JSON.stringify({access_token: 'secret-token-value', expires_in: 'soon'})}));
		const error = (await manager(transport).credential().catch((e: unknown) => e)) as Error;
		expect(error).toMatchObject({kind: 'bad-response'});
		expect(error.message).not.toContain('secret-token-value');
		expect(error.message).toContain('expires_in');
	});

	it('a failed mint is not cached: the next call tries again', async () => {
		let calls = 0;
		const mint = tokenAnswer();
		const {transport} = fakeTransport((form) => (++calls === 1 ? {status: 503, text: 'busy'} : mint(form)));
		const tokens = manager(transport);
		await expect(tokens.credential()).rejects.toMatchObject({kind: 'server'});
		await expect(tokens.credential()).resolves.toEqual({authorization: 'Bearer tok-1'});
	});
});
