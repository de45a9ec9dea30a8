import type {AuthMode} from '../api/clientOptions.js';
import type {OagErrorKind} from '../api/errors.js';
import type {AccessPolicy, App, AuthServiceSetting, Certificate, Directory, HealthPolicy, Idp} from '../api/schemas/index.js';
import type {PolicyEra} from '../domain/gatewayVersion.js';
import type {AuditEntry} from '../audit/entry.js';
import type {HealthSample} from './healthHistory.js';
import type {PollerStatus} from './poller.js';
import type {ResourceStatus} from './resourceStatus.js';

// The shape of everything the TUI knows about one gateway: one slice per resource (design section 2).
// Slices hold plain data only; each resource's loader and actions live in its file under slices/.

/** Who we are talking to; fixed for the life of a store (a new profile means a new store). */
export type ConnectionInfo = {
	profile: string;
	/** The gateway host as shown to the admin (no credentials, no path). */
	host: string;
	/** Where the signing key came from: keychain, file, command, demo... Never the key itself. */
	keyBackend: string;
	readOnly: boolean;
	insecure: boolean;
};

export type TokenState = {mode: AuthMode; tokenExpiresAt?: number};

export type ConnectionSlice = ConnectionInfo & {
	status: 'connecting' | 'connected' | 'error';
	lastError?: string;
	token?: TokenState;
};

export type AuthServiceSlice = {
	/** undefined: not loaded yet; null: the service is not enabled (the gateway answered 404). */
	setting: AuthServiceSetting | null | undefined;
	status: ResourceStatus;
};

export type HealthSlice = {
	history: HealthSample[];
	poll: PollerStatus;
	/** The admin pressed `p`; hiding and showing the screen does not undo it. */
	userPaused: boolean;
};

export type IdpEntry = {
	idp: Idp;
	/** As the gateway said it: usually AUTOMATIC or DISABLED, but a newer gateway may say more. */
	failover?: string;
	healthPolicy?: HealthPolicy;
	/** Loaded per IdP on demand (store.ensureDirectories), not with the list; undefined = not loaded yet. */
	directories?: Directory[];
	directoriesError?: string;
	/** The first error while loading this IdP's offline-mode details. */
	error?: string;
	errorKind?: OagErrorKind | 'unknown';
};

export type IdpsSlice = {items: IdpEntry[]; status: ResourceStatus; poll: PollerStatus; userPaused: boolean};

export type AppEntry = {
	app: App;
	/** As the gateway said it: usually INACTIVE, TEST or ACTIVE. */
	state?: string;
	/** Legacy group policy (gateways before the cutover). */
	groups?: string[];
	/** Access policy (gateways from the cutover); null = none assigned. */
	accessPolicyId?: string | null;
	/** Why the last read of its offline policy failed (the policy form shows it; the lists do not). */
	policyError?: string;
	/** Why the state could not be read (the state is the essential read; a policy read failing is not shown in lists). */
	error?: string;
	errorKind?: OagErrorKind | 'unknown';
};

export type AppsSlice = {
	items: AppEntry[];
	status: ResourceStatus;
	/** How many apps have their offline state read in the current load (one GET each, so it trails the list). */
	detailsLoaded: number;
	/** How many apps have their offline policy read (in the background, visible rows first). */
	policiesLoaded: number;
};

/** One IdP's offline access policies, loaded on demand (the app policy form picks from them). */
export type IdpAccessPolicies = {
	/** undefined: not loaded yet. */
	items?: AccessPolicy[];
	loadedAt?: number;
	/** Why the last load failed (older items, if any, stay). */
	error?: string;
};

/** Keyed by IdP id. */
export type AccessPoliciesSlice = Readonly<Record<string, IdpAccessPolicies>>;

export type CertificatesSlice = {items: Certificate[]; status: ResourceStatus};

export type Toast = {text: string; tone: 'ok' | 'error' | 'info'; at: number};

/** The audit log as the :audit screen sees it: read from the runner's log (the file, or memory in demo mode). */
export type AuditSlice = {
	/** Oldest first, as in the file. */
	entries: AuditEntry[];
	/** Lines that could not be read (a torn last line). */
	skipped: number;
	location?: string;
	status: ResourceStatus;
};

export type OagState = {
	connection: ConnectionSlice;
	authService: AuthServiceSlice;
	health: HealthSlice;
	idps: IdpsSlice;
	apps: AppsSlice;
	certificates: CertificatesSlice;
	accessPolicies: AccessPoliciesSlice;
	/** Known from the first app policy read (access policies answer from the cutover, 404 before it); undefined = not known. */
	policyEra?: PolicyEra;
	toast?: Toast;
	/** The audit log, once the :audit screen has read it. */
	audit?: AuditSlice;
};

export type ResourceName = 'authService' | 'health' | 'idps' | 'apps' | 'certificates';
export const RESOURCE_NAMES: readonly ResourceName[] = ['authService', 'health', 'idps', 'apps', 'certificates'];
