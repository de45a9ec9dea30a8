import type {AuthMode, AuthState} from '../clientOptions.js';
import {OagError} from '../errors.js';
import {errorFromResponse} from '../http/errorMapping.js';
import {findScope, parseErrorBody} from '../http/errorBody.js';
import type {Transport} from '../http/transport.js';
import {TokenResponse} from '../schemas/common.js';
import {paths} from '../schemas/paths.js';
import {signClientAssertion, type SigningKey} from './assertion.js';

/** The gateway's summary as one sentence: it may or may not end with a full stop already. */
const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

// Supplies the Authorization header for resource calls (oag-api.md part A):
// 'token' mode exchanges a signed assertion for a bearer at /oauth/token, caches it, and renews it shortly
// before expiry, with one mint in flight shared by all callers; 'direct-bearer' mode (gateways without the
// token endpoint) signs a fresh assertion per call. A 404/405 from the token endpoint switches modes.

export type Credential = {authorization: string};

export type TokenManagerOptions = {
	transport: Transport;
	clientId: string;
	audience: string;
	scopes: readonly string[];
	signingKey: () => Promise<SigningKey>;
	initialMode?: AuthMode;
	onAuthModeDetected?: (mode: AuthMode) => void;
	/** Milliseconds since the epoch; injectable for tests. */
	now?: () => number;
};

export type TokenManager = {
	credential(): Promise<Credential>;
	/** The gateway answered 401 to a call made with `used`: forget it so the next credential() renews. */
	reject(used: Credential): void;
	state(): AuthState;
};

/** Renew this long before the token expires, so a token never dies in flight. */
export const RENEW_MARGIN_MS = 30_000;

/**
 * RENEW_MARGIN_MS, except that a short-lived token is still used for at least MIN_USE_MS (or half its
 * life when even shorter): a gateway issuing 30 s tokens must not cost a mint per call.
 */
export function renewMarginFor(lifetimeMs: number): number {
	return Math.min(RENEW_MARGIN_MS, Math.max(lifetimeMs / 2, lifetimeMs - MIN_USE_MS));
}
const MIN_USE_MS = 5_000;

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

type CachedToken = {credential: Credential; expiresAt: number; renewAt: number};

const SCOPE_CODES = new Set(['invalid_scope', 'insufficient_scope']);

export function createTokenManager(options: TokenManagerOptions): TokenManager {
	const now = options.now ?? Date.now;
	let mode: AuthMode = options.initialMode ?? 'token';
	let cached: CachedToken | undefined;
	let inflight: Promise<Credential | undefined> | undefined;
	let mints = 0;

	const signAssertion = async (): Promise<string> =>
		signClientAssertion(await options.signingKey(), {
			clientId: options.clientId,
			audience: options.audience,
			scopes: options.scopes,
			nowSeconds: Math.floor(now() / 1000),
		});

	const directCredential = async (): Promise<Credential> => ({authorization: `Bearer ${await signAssertion()}`});

	function refusedError(status: number, bodyText: string, secrets: readonly string[]): OagError {
		const parsed = parseErrorBody(status, bodyText, secrets);
		const details = {status, method: 'POST', path: paths.token, ...(parsed.errorCode ? {errorCode: parsed.errorCode} : {})};
		// A scope refusal is recognised by its code (OAuth's invalid_scope / insufficient_scope), or by a
		// refusal that names an okta.oag scope. The bare word "scope" is not enough: "the scope claim of the
		// assertion was not checked" is a complaint about the assertion. Named when the gateway names it;
		// otherwise the message lists what was asked for.
		const named = findScope(parsed, bodyText);
		const aboutScope =
			SCOPE_CODES.has(parsed.errorCode ?? '') ||
			(named !== undefined && /\b(not (granted|allowed|permitted|authori[sz]ed)|invalid|insufficient|denied|refused|missing)\b/i.test(parsed.summary));
		const scope = aboutScope ? named : undefined;
		if (aboutScope && !scope) {
			return new OagError(
				'missing-scope',
				`The gateway refused the requested scopes (${options.scopes.join(' ')}): ${sentence(parsed.summary)} ` +
					'Pass only the scopes enabled for this API client (login --scopes), or enable them in the OAG admin UI.',
				details,
			);
		}
		if (scope) {
			return new OagError(
				'missing-scope',
				`The gateway refused scope ${scope} for this API client: ${sentence(parsed.summary)} Request only the scopes ` +
					'enabled for the client, or enable it in the OAG admin UI (Settings > Access Gateway > API); ' +
					'changing scopes means re-enabling the API, which issues a new key.',
				{...details, scope},
			);
		}
		return new OagError(
			'unauthorized',
			`The gateway refused the client assertion: ${sentence(parsed.summary)} Check the client id, the key and the host ` +
				`name (the JWT audience is ${options.audience}).`,
			details,
		);
	}

	/** Resolves undefined when the gateway has no token endpoint (the mode is then 'direct-bearer'). */
	async function mint(): Promise<Credential | undefined> {
		// The assertion last sent: an echo of it in an error answer is masked like any request secret.
		let assertion = '';
		const response = await options.transport.send({
			method: 'POST',
			path: paths.token,
			headers: {'content-type': FORM_CONTENT_TYPE},
			// Signed per attempt: a retry must not replay an assertion (jti) the gateway may have seen.
			body: async () =>
				new URLSearchParams({
					grant_type: 'client_credentials',
					client_assertion_type: ASSERTION_TYPE,
					client_assertion: (assertion = await signAssertion()),
					scope: options.scopes.join(' '),
				}).toString(),
			// Minting twice is harmless, so transient failures are retried.
			retry: 'idempotent',
		});
		const {status, text} = response;
		if (status === 404 || status === 405) {
			mode = 'direct-bearer';
			cached = undefined;
			options.onAuthModeDetected?.('direct-bearer');
			return undefined;
		}
		const secrets = assertion ? [assertion] : [];
		if (status === 400 || status === 401 || status === 403) throw refusedError(status, text, secrets);
		if (status < 200 || status >= 300) {
			const retryAfter = response.retryAfterSeconds;
			throw errorFromResponse({
				method: 'POST',
				path: paths.token,
				status,
				bodyText: text,
				secrets,
				...(retryAfter !== undefined ? {retryAfterSeconds: retryAfter} : {}),
			});
		}
		const token = parseTokenResponse(text);
		const issuedAt = now();
		const lifetimeMs = token.expires_in * 1000;
		const margin = renewMarginFor(lifetimeMs);
		const credential = {authorization: `Bearer ${token.access_token}`};
		cached = {credential, expiresAt: issuedAt + lifetimeMs, renewAt: issuedAt + lifetimeMs - margin};
		mints++;
		return credential;
	}

	function sharedMint(): Promise<Credential | undefined> {
		inflight ??= mint().finally(() => {
			inflight = undefined;
		});
		return inflight;
	}

	return {
		async credential() {
			if (mode === 'direct-bearer') return directCredential();
			if (cached && now() < cached.renewAt) return cached.credential;
			const minted = await sharedMint();
			// After a switch to direct-bearer every caller signs its own single-use assertion.
			return minted ?? directCredential();
		},
		reject(used) {
			// Only the first of many concurrent 401s drops the token; the others find a newer one already.
			if (cached && cached.credential === used) cached = undefined;
		},
		state() {
			return {mode, mints, ...(mode === 'token' && cached ? {tokenExpiresAt: cached.expiresAt} : {})};
		},
	};
}

function parseTokenResponse(text: string): TokenResponse {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new OagError('bad-response', 'The token endpoint answered with something that is not JSON.', {
			method: 'POST',
			path: paths.token,
		});
	}
	const parsed = TokenResponse.safeParse(json);
	if (!parsed.success) {
		// Only the field names go into the message: the body may contain a token.
		const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
		throw new OagError('bad-response', `The token endpoint's answer is missing or has invalid fields: ${fields}.`, {
			method: 'POST',
			path: paths.token,
		});
	}
	return parsed.data;
}
