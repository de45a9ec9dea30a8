import type {Scope} from '../api/schemas/scopes.js';

export type FaultOptions = {
	/** Added to every response, in milliseconds. */
	latencyMs?: number;
	/** 0..1: share of resource requests answered 500. */
	errorRate?: number;
	/** Requests per second per client; beyond it 429 with Retry-After. 0 = unlimited. */
	rateLimitPerSecond?: number;
	/** 0..1: share of requests whose connection is destroyed without an answer. */
	resetRate?: number;
	/** 0..1: share of 200 responses whose body is not valid JSON. */
	malformedRate?: number;
	/**
	 * Resets, errors and malformed bodies hit only resource paths this regular expression matches (one
	 * app's offline state, say), so a test can make exactly some reads fail. Default: every resource path.
	 */
	pathPattern?: string;
	/** The next N requests to a route ("POST /api/v2/settings/authentication-service") answer 500. */
	failNext?: Record<string, number>;
	/**
	 * The next request to a route answers 400 with these field causes ({"publicDomain": "..."}): a rule only
	 * the gateway knows (DNS, what a node can reach), for the tests of how a form shows the gateway's verdict.
	 */
	rejectNext?: Record<string, Record<string, string>>;
};

export type SimulatorOptions = {
	host?: string; // default 127.0.0.1 (loopback only)
	port?: number; // default 0 = random
	http?: boolean; // default false: HTTPS with a CA the simulator generates
	dataDir?: string; // where keyFile and caFile are written (default: a new temp dir)
	seed?: number; // deterministic data (default 1)
	apps?: number; // default 12
	idps?: number; // default 2
	gatewayVersion?: string; // default NEWEST_GATEWAY_VERSION
	groupPolicyCutover?: string; // default GROUP_POLICY_CUTOVER
	scopes?: readonly Scope[]; // granted to the seeded client; default all
	tokenTtlSeconds?: number; // default 300
	/**
	 * Direct-bearer mode: the token endpoint answers 404 (true or 404) or 405 (405), and resource calls
	 * take a fresh signed assertion as the bearer. Default false.
	 */
	directBearerOnly?: boolean | 404 | 405;
	/**
	 * CA certificates (PEM) the simulated gateway node trusts for ldaps:// directories, besides the system
	 * roots. A directory whose certificate chains to neither fails test-directory-connection, as on a gateway.
	 */
	ldapCaPem?: string;
	/** Seed the authentication service as enabled (default true). */
	authServiceEnabled?: boolean;
	faults?: FaultOptions;
	/** Seconds after start when the IdP outage begins (health turns UNHEALTHY); undefined = never. */
	outageAfterSeconds?: number;
	/** After an enable, the health check reads INITIALIZING for this many seconds (default 0). */
	authServiceStartupSeconds?: number;
};

export type RegisteredClient = {clientId: string; privateKeyPem: string; scopes: Scope[]};

export type SimulatorCounters = {
	tokensMinted: number;
	requests: number;
	/** Requests per "METHOD /path-template". */
	byRoute: Record<string, number>;
	/** Highest number of requests being handled at the same time. */
	maxInFlight: number;
};

export type SimulatorControl = {
	setFaults(faults: FaultOptions): void;
	/** Register another API client (its own key pair and scopes). */
	addClient(scopes: readonly Scope[], alg?: 'RS256' | 'ES256'): Promise<RegisteredClient>;
	/** Revoke every token issued so far (early expiry). */
	expireTokens(): void;
	/** Start or end the IdP outage: the auth-service health check answers UNHEALTHY while it lasts. */
	setOutage(on: boolean): void;
	setGatewayVersion(version: string): void;
	counters(): SimulatorCounters;
	resetCounters(): void;
};

export type RunningSimulator = {
	url: string;
	clientId: string;
	privateKeyPem: string;
	keyFile: string;
	caFile?: string;
	caPem?: string;
	scopes: Scope[];
	control: SimulatorControl;
	close(): Promise<void>;
};
