import type {Command} from 'commander';
import type {OagClient} from '../api/clientOptions.js';
import type {AuthServiceSetting, HealthCheck} from '../api/schemas/authService.js';
import {healthAdvice} from '../domain/authServiceHealth.js';
import {healthMeaning} from '../domain/healthMeaning.js';
import {databaseLocation} from '../domain/databaseLocation.js';
import {disableOperation} from '../operations/authService.js';
import {registerCheckDb} from './authServiceCheckDb.js';
import {registerEnable} from './authServiceEnable.js';
import {registerHealth} from './authServiceHealth.js';
import {certificateView, type CertificateView} from './certs.js';
import {dryRunOption, withContext} from './context.js';
import {runOperation} from './operationCommand.js';

// `oag-offline auth-service get|enable|disable|health|check-db`: the cluster-wide authentication service
// (steps 1-2 of the Okta guide). Enable and disable are operations run by the same runner as the TUI.

export type AuthServiceReport =
	| {enabled: false}
	| {
			enabled: true;
			setting: AuthServiceSetting;
			certificate?: CertificateView;
			/** Why the certificate is not shown by name (no cert.read scope, not found). */
			certificateProblem?: string;
			health?: HealthCheck;
			advice: string[];
	  };

export async function authServiceReport(client: OagClient, nowMs: number): Promise<AuthServiceReport> {
	const setting = await client.authService.get();
	if (!setting) return {enabled: false};
	const [certificates, health] = await Promise.allSettled([client.certificates.list(), client.authService.health()]);
	let certificate: CertificateView | undefined;
	let certificateProblem: string | undefined;
	if (certificates.status === 'fulfilled') {
		const found = certificates.value.find(c => c.id === setting.certificateId);
		if (found) certificate = certificateView(found, nowMs, setting.publicDomain);
		else certificateProblem = `no certificate with the id ${setting.certificateId ?? '(none)'} in the gateway's list`;
	} else certificateProblem = `the certificates could not be read: ${(certificates.reason as Error).message}`;
	const check = health.status === 'fulfilled' ? health.value : undefined;
	const advice = check
		? healthAdvice({
				status: check.status,
				serverNodes: setting.serverNodes,
				database: setting.database,
				publicDomain: setting.publicDomain,
				...(certificate ? {certificateLabel: certificate.label, certificateWarnings: certificate.warnings} : {}),
			})
		: [];
	return {enabled: true, setting, ...(certificate ? {certificate} : {}), ...(certificateProblem ? {certificateProblem} : {}), ...(check ? {health: check} : {}), advice};
}

export function reportText(report: AuthServiceReport): string {
	if (!report.enabled) return 'Authentication service: not enabled. Enable it with `oag-offline auth-service enable` (see --help).';
	const {setting} = report;
	const certificate = report.certificate ? report.certificate.label : `(${report.certificateProblem ?? 'unknown'})`;
	const lines = [
		'Authentication service: enabled',
		`  Server nodes:   ${setting.serverNodes.join(', ') || '(none)'}`,
		`  Database:       ${databaseLocation(setting.database)}`,
		`  Public domain:  ${setting.publicDomain}`,
		`  Certificate:    ${certificate}`,
		`  Health:         ${report.health ? `[${report.health.status}] ${healthMeaning(report.health.status)}${report.health.lastChecked ? `, checked ${report.health.lastChecked}` : ''}` : '(not available)'}`,
	];
	if (report.health?.details) lines.push(`                  ${report.health.details}`);
	for (const warning of report.certificate?.warnings ?? []) lines.push(`  Warning: ${warning}`);
	if (report.advice.length > 0) lines.push('  Check next, in order:', ...report.advice.map(step => `    ${step}`));
	return lines.join('\n');
}

export function registerAuthService(program: Command): void {
	const authService = program.command('auth-service').description('the authentication service that serves offline sign-in');
	authService
		.command('get')
		.description('the current setting, its certificate (CN, SAN, days left) and health')
		.action(
			withContext(async ctx => {
				const gateway = await ctx.openGateway();
				ctx.print(await authServiceReport(gateway.client, Date.now()), reportText);
			}),
		);
	registerEnable(authService);
	authService
		.command('disable')
		.description('disable it: offline sign-in stops (asks you to type DISABLE, or needs --yes)')
		.addOption(dryRunOption())
		.action(
			withContext(async ctx => {
				const gateway = await ctx.openGateway();
				await runOperation(ctx, gateway, disableOperation(gateway.client));
			}),
		);
	registerHealth(authService);
	registerCheckDb(authService);
}
