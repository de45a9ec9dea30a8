import type {AuthServiceSetting} from '../api/schemas/authService.js';
import type {FieldError} from './fieldError.js';
import * as v from './validators.js';

// The enable request's rules as the gateway states them (oag-api.md part A): every top-level field,
// serverNodes non-empty host names, database.port 1..65535, a fully qualified public domain. Field paths
// are the API's own (`database.port`), so the gateway's errorCauses land on the same form fields.

export const DEFAULT_DB_PORT = 3306;

export type EnableDraft = {
	serverNodes: readonly string[];
	dbHost: string;
	dbPort: number;
	dbUser: string;
	/** Only checked for presence; never stored or echoed. */
	dbPasswordGiven: boolean;
	dbName: string;
	publicDomain: string;
	certificateId: string;
};

export function enableProblems(draft: EnableDraft): FieldError[] {
	const nodes = draft.serverNodes.map(node => node.trim()).filter(Boolean);
	return v.collect([
		['serverNodes', nodes.length === 0 ? 'At least one server node (the OAG nodes that run the service).' : nodes.map(v.hostname).find(Boolean)],
		['database.host', v.hostname(draft.dbHost)],
		['database.port', v.port(draft.dbPort)],
		['database.username', v.required(draft.dbUser)],
		['database.password', draft.dbPasswordGiven ? undefined : 'Required.'],
		['database.name', v.required(draft.dbName)],
		['publicDomain', v.domainName(draft.publicDomain)],
		['certificateId', draft.certificateId.trim() === '' ? 'Pick a certificate.' : undefined],
	]);
}

/** The stored setting as the audit log and the verify step compare it (no credentials: they are write-only). */
export type AuthServiceSnapshot =
	| {enabled: false}
	| {enabled: true; serverNodes: string[]; database: {type?: string; host?: string; port?: number; name?: string}; publicDomain: string; certificateId?: string};

export function snapshotOf(setting: AuthServiceSetting | undefined | null): AuthServiceSnapshot {
	if (!setting) return {enabled: false};
	const {type, host, port, name} = setting.database;
	return {
		enabled: true,
		serverNodes: [...setting.serverNodes],
		database: {...(type === undefined ? {} : {type}), ...(host === undefined ? {} : {host}), ...(port === undefined ? {} : {port}), ...(name === undefined ? {} : {name})},
		publicDomain: setting.publicDomain,
		...(setting.certificateId === undefined ? {} : {certificateId: setting.certificateId}),
	};
}

/** What differs between the setting asked for and the one the gateway reports, for a verify mismatch. */
export function snapshotDifference(wanted: AuthServiceSnapshot, got: AuthServiceSnapshot): string | undefined {
	if (!wanted.enabled || !got.enabled) return wanted.enabled === got.enabled ? undefined : got.enabled ? 'the service enabled' : 'the service not enabled';
	const differences: string[] = [];
	if (wanted.serverNodes.join(',') !== got.serverNodes.join(',')) differences.push(`server nodes ${got.serverNodes.join(', ')}`);
	for (const key of ['type', 'host', 'port', 'name'] as const) {
		if (wanted.database[key] !== undefined && wanted.database[key] !== got.database[key]) differences.push(`database ${key} ${String(got.database[key])}`);
	}
	if (wanted.publicDomain !== got.publicDomain) differences.push(`public domain ${got.publicDomain}`);
	if (wanted.certificateId !== undefined && wanted.certificateId !== got.certificateId) differences.push(`certificate ${got.certificateId ?? '(none)'}`);
	return differences.length > 0 ? differences.join('; ') : undefined;
}
