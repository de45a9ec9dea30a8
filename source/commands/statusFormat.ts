import {APP_STATES} from '../api/schemas/apps.js';
import {databaseLocation} from '../domain/databaseLocation.js';
import {healthMeaning} from '../domain/healthMeaning.js';
import type {Part, StatusReport} from './statusReport.js';

export type StatusHeader = {gateway: string; keyBackend: string; profile?: string; insecure: boolean};


function section<T>(p: Part<T>, render: (value: T) => string[]): string[] {
	return p.ok ? render(p.value) : [`  error: ${p.error.message}`];
}

/** Plain text for people; state is always spelled out in brackets, so it reads without colour. */
export function formatStatus(header: StatusHeader, report: StatusReport): string {
	const lines = [
		`Gateway       ${header.gateway}${header.profile ? `  (profile ${header.profile})` : ''}`,
		`Key           ${header.keyBackend}${header.insecure ? '   TLS verification OFF (--insecure)' : ''}`,
		'',
		'Authentication service',
		...section(report.authService, auth => {
			if (!auth.enabled) return ['  [NOT ENABLED]  offline sign-in is unavailable'];
			const {setting, health} = auth;
			const status = health?.status ?? 'UNKNOWN';
			return [
				`  [ENABLED] [${status}]  ${healthMeaning(status)}${health?.lastChecked ? `, checked ${health.lastChecked}` : ''}`,
				...(health?.details ? [`  details: ${health.details}`] : []),
				`  public domain ${setting.publicDomain}; nodes ${setting.serverNodes.join(', ')}`,
				`  database ${databaseLocation(setting.database)}`,
			];
		}),
		'',
		report.idps.ok ? `IdPs (${report.idps.value.length})  failover mode` : 'IdPs',
		...section(report.idps, idps =>
			idps.map(idp => `  ${idp.name.padEnd(28)} [${idp.failoverMode}]  ${idp.type}  ${idp.id}`),
		),
		'',
		report.apps.ok ? `Apps (${report.apps.value.total})  offline state` : 'Apps',
		...section(report.apps, apps => [
			`  ${[...new Set([...APP_STATES, ...Object.keys(apps.byState)])].map(state => `${state} ${apps.byState[state] ?? 0}`).join('  ')}${
				apps.unreadable ? `  unreadable ${apps.unreadable}` : ''
			}`,
		]),
	];
	return `${lines.join('\n')}\n`;
}

export function statusJson(header: StatusHeader, report: StatusReport): unknown {
	// Explicit fields for the setting: the schema already drops write-only members; this keeps any other
	// member a gateway may add out of machine-readable output too.
	const value = <T, U = T>(p: Part<T>, pick: (v: T) => U = v => v as unknown as U) => (p.ok ? pick(p.value) : {error: p.error});
	return {
		gateway: header.gateway,
		profile: header.profile ?? null,
		keyBackend: header.keyBackend,
		insecure: header.insecure,
		authService: value(report.authService, auth =>
			auth.enabled
				? {
						enabled: true,
						setting: {
							serverNodes: auth.setting.serverNodes,
							database: auth.setting.database,
							publicDomain: auth.setting.publicDomain,
							certificateId: auth.setting.certificateId,
						},
						health: auth.health,
					}
				: auth,
		),
		idps: value(report.idps),
		apps: value(report.apps),
	};
}
