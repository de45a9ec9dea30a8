import type {Command} from 'commander';
import type {Certificate} from '../api/schemas/certificates.js';
import {certificateLabel, certificateWarnings, daysLeft} from '../domain/certificateRules.js';
import {withContext} from './context.js';

// `oag-offline certs list`: the gateway's certificates by common name, SAN and days left (the id is
// there for scripts, never alone), soonest to expire first.

export type CertificateView = {
	id: string;
	commonName: string;
	san: string[];
	selfSigned: boolean;
	expiresOn?: string;
	daysLeft?: number;
	/** "*.example.com (SAN *.example.com, example.com; 245 days left)". */
	label: string;
	warnings: string[];
};

export function certificateView(certificate: Certificate, nowMs: number, publicDomain?: string): CertificateView {
	const days = daysLeft(certificate, nowMs);
	return {
		id: certificate.id,
		commonName: certificate.commonName,
		san: certificate.san,
		selfSigned: certificate.selfSigned ?? false,
		...(certificate.expiresOn === undefined ? {} : {expiresOn: certificate.expiresOn}),
		...(days === undefined ? {} : {daysLeft: days}),
		label: certificateLabel(certificate, nowMs),
		warnings: certificateWarnings(certificate, publicDomain, nowMs),
	};
}

export function registerCerts(program: Command): void {
	const certs = program.command('certs').description('the gateway certificates (for the authentication service and apps)');
	certs
		.command('list')
		.description('every certificate: common name, SAN, days left, self-signed, id')
		.action(
			withContext(async ctx => {
				const gateway = await ctx.openGateway();
				const now = Date.now();
				const views = (await gateway.client.certificates.list())
					.map(certificate => certificateView(certificate, now))
					.sort((a, b) => (a.daysLeft ?? Number.MAX_SAFE_INTEGER) - (b.daysLeft ?? Number.MAX_SAFE_INTEGER));
				ctx.print(views, rows =>
					rows.length === 0 ? 'No certificates on the gateway.' : rows.map(row => `${row.label}  id ${row.id}${row.warnings.length > 0 ? '  [WARN]' : ''}`).join('\n'),
				);
			}),
		);
}
