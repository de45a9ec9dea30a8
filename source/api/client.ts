import {createTokenManager} from './auth/tokenManager.js';
import {lazySigningKey} from './auth/signingKeySource.js';
import {parseGatewayAddress} from './baseUrl.js';
import type {OagClient, OagClientOptions} from './clientOptions.js';
import {ClientSettingsError} from './errors.js';
import {createGatewayCaller} from './gatewayCall.js';
import {MAX_RETRY_AFTER_SECONDS} from './http/backoff.js';
import {createDispatcher} from './http/dispatcher.js';
import {createTransport} from './http/transport.js';
import {createAccessPoliciesApi} from './resources/accessPolicies.js';
import {createAppsApi} from './resources/apps.js';
import {createAuthServiceApi} from './resources/authService.js';
import {createCertificatesApi} from './resources/certificates.js';
import {createDirectoriesApi} from './resources/directories.js';
import {createIdpsApi} from './resources/idps.js';
import {SCOPES} from './schemas/scopes.js';
import {terminalLines} from '../domain/terminalText.js';

// Composes the transport, the token manager and one module per resource family into the OagClient
// the store and the commands use.

export const CLIENT_DEFAULTS = {
	connectMs: 5_000,
	totalMs: 15_000,
	maxRetries: 3,
	baseDelayMs: 200,
	maxDelayMs: 5_000,
	concurrency: 8,
	maxBodyBytes: 32 * 1024 * 1024,
	maxListItems: 100_000,
	maxRetryAfterSeconds: MAX_RETRY_AFTER_SECONDS,
	deadlineMs: 60_000,
} as const;

const writeWarningToStderr = (message: string): void => {
	process.stderr.write(`warning: ${terminalLines(message)}\n`);
};

function positive(name: string, value: number, allowZero = false): number {
	const ok = Number.isFinite(value) && (allowZero ? value >= 0 : value > 0);
	if (!ok) throw new Error(`Client option ${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got ${value}`);
	return value;
}

export function createOagClient(options: OagClientOptions): OagClient {
	const address = parseGatewayAddress(options.host);
	const clientId = options.clientId.trim();
	if (clientId === '') throw new ClientSettingsError('clientId', 'The client id (--client-id) is empty or only spaces: copy it from the OAG admin UI (API section)');
	if (/\s/.test(clientId)) {
		throw new ClientSettingsError('clientId', 'The client id (--client-id) contains spaces or line breaks: copy it again from the OAG admin UI (API section)');
	}
	const scopes = options.scopes ?? SCOPES;
	if (scopes.length === 0) throw new ClientSettingsError('scopes', 'At least one scope is needed');

	const connectMs = positive('timeouts.connectMs', options.timeouts?.connectMs ?? CLIENT_DEFAULTS.connectMs);
	const totalMs = positive('timeouts.totalMs', options.timeouts?.totalMs ?? CLIENT_DEFAULTS.totalMs);
	const maxRetries = positive('retries.max', options.retries?.max ?? CLIENT_DEFAULTS.maxRetries, true);
	const baseDelayMs = positive('retries.baseDelayMs', options.retries?.baseDelayMs ?? CLIENT_DEFAULTS.baseDelayMs, true);
	const maxDelayMs = positive('retries.maxDelayMs', options.retries?.maxDelayMs ?? CLIENT_DEFAULTS.maxDelayMs, true);
	const concurrency = positive('concurrency', options.concurrency ?? CLIENT_DEFAULTS.concurrency);
	const limits = options.limits ?? {};
	const maxBodyBytes = positive('limits.maxBodyBytes', limits.maxBodyBytes ?? CLIENT_DEFAULTS.maxBodyBytes);
	const maxListItems = positive('limits.maxListItems', limits.maxListItems ?? CLIENT_DEFAULTS.maxListItems);
	const maxRetryAfterSeconds = positive('limits.maxRetryAfterSeconds', limits.maxRetryAfterSeconds ?? CLIENT_DEFAULTS.maxRetryAfterSeconds, true);
	const deadlineMs = positive('limits.deadlineMs', limits.deadlineMs ?? CLIENT_DEFAULTS.deadlineMs);

	const dispatcher = createDispatcher({
		protocol: address.protocol,
		host: address.host,
		...(options.caPem ? {caPem: options.caPem} : {}),
		insecure: options.insecure ?? false,
		connectMs,
		totalMs,
		connections: concurrency,
		warn: options.onWarning ?? writeWarningToStderr,
	});
	const transport = createTransport({
		origin: address.baseUrl,
		dispatcher,
		totalMs,
		maxRetries,
		backoff: {baseDelayMs, maxDelayMs},
		concurrency,
		customCa: Boolean(options.caPem),
		maxBodyBytes,
		maxRetryAfterSeconds,
		deadlineMs,
		...(options.onRequest ? {onRequest: options.onRequest} : {}),
	});
	const tokens = createTokenManager({
		transport,
		clientId,
		audience: address.audience,
		scopes,
		signingKey: lazySigningKey(options.privateKey),
		...(options.authMode ? {initialMode: options.authMode} : {}),
		...(options.onAuthModeDetected ? {onAuthModeDetected: options.onAuthModeDetected} : {}),
	});
	const call = createGatewayCaller(transport, tokens, {maxListItems});

	return {
		baseUrl: address.baseUrl,
		audience: address.audience,
		certificates: createCertificatesApi(call),
		idps: createIdpsApi(call),
		directories: createDirectoriesApi(call),
		accessPolicies: createAccessPoliciesApi(call),
		apps: createAppsApi(call),
		authService: createAuthServiceApi(call),
		authState: () => tokens.state(),
		close: () => dispatcher.close(),
	};
}
