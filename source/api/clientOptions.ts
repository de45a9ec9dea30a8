import type {OagApi} from './OagApi.js';
import type {Scope} from './schemas/scopes.js';

/** 'token': assertion -> /oauth/token -> bearer. 'direct-bearer': a fresh assertion is the bearer (part A). */
export type AuthMode = 'token' | 'direct-bearer';

export type RequestEvent = {method: string; path: string; status?: number; ms: number; attempt: number};

export type OagClientOptions = {
	/** `host`, `host:port` or a full `https://` URL (`http://` only for a local simulator). */
	host: string;
	clientId: string;
	/** The PKCS#8 PEM, or a function that fetches it from the secret store when first needed. */
	privateKey: string | (() => Promise<string>);
	/** Scopes to request; default: every scope in SCOPES. */
	scopes?: readonly Scope[];
	/** Extra CA certificate(s), PEM, trusted in addition to the system store. */
	caPem?: string;
	/** Disable TLS verification. The client warns on every construction (onWarning, else stderr). */
	insecure?: boolean;
	timeouts?: {connectMs?: number; totalMs?: number};
	retries?: {max?: number; baseDelayMs?: number; maxDelayMs?: number};
	/**
	 * Bounds chosen by this client, never by the gateway: the largest answer read (default 32 MiB), the most
	 * items in a list (default 100,000), the longest Retry-After honoured (default 30 s; a longer one fails
	 * at once with "rate limited, retry after N s") and the time a request may take with all its retries
	 * (default 60 s).
	 */
	limits?: {maxBodyBytes?: number; maxListItems?: number; maxRetryAfterSeconds?: number; deadlineMs?: number};
	/** Concurrent requests in flight at most (default 8). */
	concurrency?: number;
	/** Start in this mode (remembered per profile); default 'token' with fallback on 404/405. */
	authMode?: AuthMode;
	onAuthModeDetected?: (mode: AuthMode) => void;
	/** Called after every HTTP exchange, without bodies or headers: for round-trip times and diagnostics. */
	onRequest?: (event: RequestEvent) => void;
	onWarning?: (message: string) => void;
};

export type AuthState = {mode: AuthMode; tokenExpiresAt?: number; mints: number};

export type OagClient = OagApi & {
	readonly baseUrl: string;
	readonly audience: string;
	authState(): AuthState;
	close(): Promise<void>;
};
