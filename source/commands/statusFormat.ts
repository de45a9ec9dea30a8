import {APP_STATES} from '../api/schemas/apps.js';
import type {Part, StatusReport} from './statusReport.js';

export type StatusHeader = {gateway: string; keyBackend: string; profile?: string; insecure: boolean};

const HEALTH_MEANING: Record<string, string> = {
	HEALTHY: 'operating normally',
	DEGRADED: 'issues, still operational',
	UNHEALTHY: 'may not be operational',
	INITIALIZING: 'starting up',
	UNKNOWN: 'status cannot be determined',
};

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
				`  [ENABLED] [${status}]  ${HEALTH_MEANING[status] ?? ''}${health?.lastChecked ? `, checked ${health.lastChecked}` : ''}`,
				...(health?.details ? [`  details: ${health.details}`] : []),
				`  public domain ${setting.publicDomain}; nodes ${setting.serverNodes.join(', ')}`,
				`  database ${setting.database.type} ${setting.database.host}:${setting.database.port}/${setting.database.name}`,
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
			`  ${APP_STATES.map(state => `${state} ${apps.byState[state]}`).join('  ')}${
				apps.unreadable ? `  unreadable ${apps.unreadable}` : ''
			}`,
		]),
	];
	return `${lines.join('\n')}\n`;
}

export function statusJson(header: StatusHeader, report: StatusReport): unknown {
	const value = <T>(p: Part<T>) => (p.ok ? p.value : {error: p.error});
	return {
		gateway: header.gateway,
		profile: header.profile ?? null,
		keyBackend: header.keyBackend,
		insecure: header.insecure,
		authService: value(report.authService),
		idps: value(report.idps),
		apps: value(report.apps),
	};
}
