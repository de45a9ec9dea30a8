import type {Certificate} from '../api/schemas/certificates.js';

// Certificates as an admin picks one for the authentication service: by common name, SAN and days left,
// never by a bare id; with the two warnings that matter for offline sign-in (the SAN must cover the public
// domain users are sent to, and the certificate must not run out soon).

const DAY_MS = 86_400_000;
export const EXPIRY_WARNING_DAYS = 30;

/** A certificate covers a host by name, or by a wildcard for exactly one leftmost label (RFC 6125). */
export function certificateCovers(certificate: Pick<Certificate, 'commonName' | 'san'>, host: string): boolean {
	const names = [certificate.commonName, ...(certificate.san ?? [])].map(n => n.toLowerCase());
	const wanted = host.toLowerCase();
	return names.some(name =>
		name.startsWith('*.') ? wanted.split('.').slice(1).join('.') === name.slice(2) && wanted.split('.').length > 2 : name === wanted,
	);
}

/** Whole days until it expires (negative once expired); from expiresOn, else the gateway's validityRemaining. */
export function daysLeft(certificate: Pick<Certificate, 'expiresOn' | 'validityRemaining'>, nowMs: number): number | undefined {
	const expires = certificate.expiresOn === undefined ? Number.NaN : Date.parse(certificate.expiresOn);
	if (!Number.isFinite(expires)) return certificate.validityRemaining;
	const ms = expires - nowMs;
	// Expired counts whole days since (at least 1: an expired certificate never reads "0 days left").
	return ms >= 0 ? Math.floor(ms / DAY_MS) : -Math.max(1, Math.floor(-ms / DAY_MS));
}

export function daysLeftText(days: number | undefined): string {
	if (days === undefined) return 'expiry unknown';
	if (days < 0) return `EXPIRED ${-days} day${days === -1 ? '' : 's'} ago`;
	return `${days} day${days === 1 ? '' : 's'} left`;
}

/** "*.example.com (SAN *.example.com, example.com; 245 days left; self-signed)". */
export function certificateLabel(certificate: Certificate, nowMs: number): string {
	const parts = [
		`SAN ${certificate.san.length > 0 ? certificate.san.join(', ') : 'none'}`,
		daysLeftText(daysLeft(certificate, nowMs)),
		...(certificate.selfSigned ? ['self-signed'] : []),
	];
	return `${certificate.commonName} (${parts.join('; ')})`;
}

export function certificateWarnings(certificate: Certificate, publicDomain: string | undefined, nowMs: number): string[] {
	const warnings: string[] = [];
	if (publicDomain && publicDomain.trim() !== '' && !certificateCovers(certificate, publicDomain.trim())) {
		warnings.push(`the certificate ${certificate.commonName} does not cover ${publicDomain.trim()} (not in its SAN): browsers will refuse offline sign-in`);
	}
	const days = daysLeft(certificate, nowMs);
	if (days !== undefined && days < 0) warnings.push(`the certificate ${certificate.commonName} has expired`);
	else if (days !== undefined && days <= EXPIRY_WARNING_DAYS) warnings.push(`the certificate ${certificate.commonName} expires in ${days} day${days === 1 ? '' : 's'}`);
	return warnings;
}

/** The certificate an admin typed: an id, or a common name (or SAN entry) that only one certificate has. */
export function findCertificate(certificates: readonly Certificate[], typed: string): {certificate?: Certificate; problem?: string} {
	const wanted = typed.trim().toLowerCase();
	const byId = certificates.find(c => c.id.toLowerCase() === wanted);
	if (byId) return {certificate: byId};
	const byName = certificates.filter(c => c.commonName.toLowerCase() === wanted);
	const matches = byName.length > 0 ? byName : certificates.filter(c => c.san.some(name => name.toLowerCase() === wanted));
	if (matches.length === 1) return {certificate: matches[0]!};
	if (matches.length > 1) return {problem: `${matches.length} certificates are named ${typed}: give the id (oag-offline certs list)`};
	return {problem: `no certificate with the id or common name ${typed} (oag-offline certs list shows them)`};
}
