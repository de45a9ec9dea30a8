import type {App} from '../api/schemas/apps.js';
import type {Certificate} from '../api/schemas/certificates.js';
import type {Idp} from '../api/schemas/idps.js';
import {DIRECTORY_PRESETS} from '../domain/directoryPresets.js';
import {HEALTH_POLICY_DEFAULTS} from '../domain/healthPolicy.js';
import {ensureDefaultPolicy} from './accessPolicyRules.js';
import type {Prng} from './prng.js';
import type {AppRecord, GatewayState, IdpRecord, StoredDirectory} from './state.js';

// Deterministic demo data: the same seed gives the same ids, names and assignments, and 5000 apps
// take a few milliseconds. Only dates follow the clock (certificates expire relative to "now").

export type SeedOptions = {
	prng: Prng;
	apps: number;
	idps: number;
	authServiceEnabled: boolean;
	gatewayVersion: string;
	groupPolicyCutover: string;
	nowMs: number;
};

const DAY_MS = 86_400_000;
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const APP_NAMES = [
	'payroll-portal', 'hr-intranet', 'expense-tracker', 'wiki', 'timesheets', 'benefits', 'crm', 'grafana',
	'jenkins', 'vpn-portal', 'helpdesk', 'procurement', 'learning-hub', 'travel-booking', 'asset-inventory',
	'legal-docs', 'sales-dashboard', 'warehouse', 'fleet-manager', 'time-off',
];
const APP_TYPES = ['OAG_HEADER_BASED', 'OAG_OIDC', 'OAG_SAML'] as const;

function certificate(prng: Prng, nowMs: number, commonName: string, san: string[], fromDays: number, toDays: number): Certificate {
	return {
		id: prng.uuid(),
		commonName,
		san,
		selfSigned: false,
		validFrom: isoDate(nowMs + fromDays * DAY_MS),
		expiresOn: isoDate(nowMs + toDays * DAY_MS),
		validityRemaining: Math.max(0, toDays),
	};
}

function seedCertificates(prng: Prng, nowMs: number): Certificate[] {
	return [
		certificate(prng, nowMs, '*.example.com', ['*.example.com', 'example.com'], -120, 245),
		certificate(prng, nowMs, 'oag-admin.example.com', ['oag-admin.example.com'], -30, 335),
		certificate(prng, nowMs, 'legacy.example.com', ['legacy.example.com'], -400, -35),
	];
}

function idpName(index: number): {name: string; type: string; slug: string} {
	if (index === 0) return {name: 'Okta Production', type: 'IDP_OKTA', slug: 'example'};
	if (index === 1) return {name: 'Okta Staging', type: 'IDP_OKTA', slug: 'example-staging'};
	if (index % 4 === 3) return {name: `Auth0 IdP ${index + 1}`, type: 'IDP_AUTH0', slug: `example-${index + 1}`};
	return {name: `Okta IdP ${index + 1}`, type: 'IDP_OKTA', slug: `example-idp${index + 1}`};
}

function seedIdp(prng: Prng, index: number): IdpRecord {
	const {name, type, slug} = idpName(index);
	const domain = type === 'IDP_AUTH0' ? `${slug}.us.auth0.com` : `${slug}.okta.com`;
	const idp: Idp = {
		id: prng.uuid(),
		type,
		name,
		description: `${name} identity provider`,
		domain,
		tenant: domain,
		validationStatus: {valid: true},
	};
	return {
		idp,
		failoverMode: 'DISABLED',
		healthPolicy: {...HEALTH_POLICY_DEFAULTS},
		directories: new Map(),
		accessPolicies: new Map(),
	};
}

function seedDirectory(prng: Prng): StoredDirectory {
	return {
		id: prng.uuid(),
		type: 'OPEN_LDAP',
		connection: {
			connectionUrl: 'ldap://ldap.example.com:389',
			bindDn: 'cn=reader,dc=example,dc=com',
			bindCredential: `seeded-${prng.uuid()}`,
		},
		config: DIRECTORY_PRESETS.OPEN_LDAP.config('dc=example,dc=com'),
	};
}

function appName(index: number): string {
	const base = APP_NAMES[index % APP_NAMES.length] as string;
	const round = Math.floor(index / APP_NAMES.length);
	return round === 0 ? base : `${base}-${round + 1}`;
}

const labelOf = (name: string): string =>
	name
		.split('-')
		.map(word => (/^\d+$/.test(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
		.join(' ');

function seedApp(prng: Prng, index: number, idpIds: string[], certificateId: string): AppRecord {
	const name = appName(index);
	const app: App = {
		id: prng.uuid(),
		name,
		label: labelOf(name),
		type: prng.pick(APP_TYPES),
		description: `${labelOf(name)} behind Access Gateway`,
		idpId: idpIds[index % idpIds.length],
		publicDomain: `${name}.apps.example.com`,
		status: 'ACTIVE',
		certificateId,
	};
	return {app, state: 'INACTIVE', groupPolicy: {groups: []}, accessPolicyId: null};
}

export function seedGateway(options: SeedOptions): GatewayState {
	const {prng, nowMs} = options;
	const certificates = seedCertificates(prng, nowMs);
	const wildcard = certificates[0] as Certificate;
	const state: GatewayState = {
		certificates: new Map(certificates.map(c => [c.id, c])),
		idps: new Map(),
		apps: new Map(),
		authService: undefined,
		gatewayVersion: options.gatewayVersion,
		groupPolicyCutover: options.groupPolicyCutover,
	};

	for (let i = 0; i < options.idps; i++) {
		const record = seedIdp(prng, i);
		state.idps.set(record.idp.id, record);
	}
	const first = state.idps.values().next().value;
	if (first) {
		// The first IdP is already set up for offline mode, as after following the guide once.
		first.failoverMode = 'AUTOMATIC';
		const directory = seedDirectory(prng);
		first.directories.set(directory.id, directory);
		ensureDefaultPolicy(state, first, () => prng.uuid());
	}

	const idpIds = [...state.idps.keys()];
	for (let i = 0; i < options.apps && idpIds.length > 0; i++) {
		const record = seedApp(prng, i, idpIds, wildcard.id);
		state.apps.set(record.app.id, record);
	}
	// A couple of apps of the first IdP are already in offline mode, with a group policy.
	const firstIdpApps = [...state.apps.values()].filter(a => a.app.idpId === first?.idp.id);
	const [live, trial] = firstIdpApps;
	if (live) Object.assign(live, {state: 'ACTIVE', groupPolicy: {groups: [{name: 'Everyone'}]}});
	if (trial) Object.assign(trial, {state: 'TEST', groupPolicy: {groups: [{name: 'payroll-admins'}, {name: 'engineers'}]}});

	if (options.authServiceEnabled) {
		state.authService = {
			setting: {
				serverNodes: ['oag-node-1.example.com', 'oag-node-2.example.com'],
				database: {type: 'mysql', host: 'db.example.com', port: 3306, name: 'oagofflinemode', username: 'oag_offline', password: `seeded-${prng.uuid()}`},
				publicDomain: 'offline-idp-service.example.com',
				certificateId: wildcard.id,
			},
			certificates: [{type: 'mtls', hostname: 'mtls.example.com', certificateId: wildcard.id}],
			enabledAtMs: 0,
		};
	}
	return state;
}
