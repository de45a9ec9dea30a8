// What to check next when the authentication service is not HEALTHY, in the order an admin should look:
// first the database as the server nodes reach it (the usual cause), then the public domain users are
// sent to (DNS and its certificate), then the nodes themselves. The word alone helps nobody at 3 a.m.

export type HealthAdviceInput = {
	status: string;
	serverNodes?: readonly string[];
	database?: {host?: string; port?: number; name?: string};
	publicDomain?: string;
	/** "*.example.com (SAN ...; 12 days left)", when the certificate is known. */
	certificateLabel?: string;
	/** Warnings on the certificate (expiry, SAN), from certificateWarnings. */
	certificateWarnings?: readonly string[];
};

export function healthAdvice(input: HealthAdviceInput): string[] {
	if (input.status !== 'DEGRADED' && input.status !== 'UNHEALTHY' && input.status !== 'UNKNOWN') return [];
	const nodes = input.serverNodes && input.serverNodes.length > 0 ? input.serverNodes.join(', ') : 'the server nodes';
	const db = input.database;
	const where = db?.host ? `${db.host}:${db.port ?? 3306}${db.name ? `/${db.name}` : ''}` : 'the database';
	const domain = input.publicDomain ?? 'the public domain';
	const certificate = input.certificateLabel ? ` ${input.certificateLabel}` : '';
	const warnings = input.certificateWarnings && input.certificateWarnings.length > 0 ? `: ${input.certificateWarnings.join('; ')}` : '';
	return [
		`1. The database ${where} as ${nodes} reach it: is it up, does the login still work, is the disk full? (check-db runs the same steps from this machine)`,
		`2. The public domain ${domain}: does its DNS still point at the gateway, and is its certificate${certificate} valid${warnings}?`,
		`3. The nodes ${nodes} themselves: are they up, in the cluster, with their clocks in sync?`,
	];
}
