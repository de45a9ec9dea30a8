import type {AccessPolicy} from '../api/schemas/accessPolicies.js';
import type {App, AppStateValue, GroupPolicy} from '../api/schemas/apps.js';
import type {AuthServiceCertificate, AuthServiceEnableRequest} from '../api/schemas/authService.js';
import type {Certificate} from '../api/schemas/certificates.js';
import type {DirectoryCreateRequest} from '../api/schemas/directories.js';
import type {FailoverModeValue, Idp} from '../api/schemas/idps.js';
import type {HealthPolicyValues} from '../domain/healthPolicy.js';

// Everything the simulated gateway stores. Write-only values (bindCredential, database username and
// password) are kept here, and only the public views in views.ts ever leave the process.

export type StoredDirectory = DirectoryCreateRequest & {id: string};

export type IdpRecord = {
	idp: Idp;
	failoverMode: FailoverModeValue;
	healthPolicy: HealthPolicyValues;
	directories: Map<string, StoredDirectory>;
	accessPolicies: Map<string, AccessPolicy>;
};

export type AppRecord = {
	app: App;
	state: AppStateValue;
	groupPolicy: GroupPolicy;
	accessPolicyId: string | null;
};

export type AuthServiceRecord = {
	setting: AuthServiceEnableRequest;
	certificates: AuthServiceCertificate[];
	/** Epoch ms when it was enabled; health reads INITIALIZING for a while after. */
	enabledAtMs: number;
};

export type GatewayState = {
	certificates: Map<string, Certificate>;
	idps: Map<string, IdpRecord>;
	apps: Map<string, AppRecord>;
	authService: AuthServiceRecord | undefined;
	gatewayVersion: string;
	groupPolicyCutover: string;
};
