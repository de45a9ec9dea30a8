// OAG versions look like 2026.09.1. Ordering them decides the group-policy vs access-policy era.

export type GatewayVersion = {year: number; month: number; patch: number};

export function parseGatewayVersion(text: string): GatewayVersion | undefined {
	const match = /^(\d{4})\.(\d{1,2})\.(\d+)$/.exec(text.trim());
	if (!match) return undefined;
	return {year: Number(match[1]), month: Number(match[2]), patch: Number(match[3])};
}

export function compareGatewayVersions(a: GatewayVersion, b: GatewayVersion): number {
	return a.year - b.year || a.month - b.month || a.patch - b.patch;
}

/** The first version whose group-policy PUT answers 405 (reference page; a guide says 2026.08.1). */
export const GROUP_POLICY_CUTOVER = '2026.09.1';
export const NEWEST_GATEWAY_VERSION = '2026.11.0';

export type PolicyEra = 'group-policy' | 'access-policy';

export function policyEraOf(version: string, cutover: string = GROUP_POLICY_CUTOVER): PolicyEra {
	const v = parseGatewayVersion(version);
	const c = parseGatewayVersion(cutover);
	if (!v || !c) throw new Error(`Not a gateway version: ${v ? cutover : version}`);
	return compareGatewayVersions(v, c) >= 0 ? 'access-policy' : 'group-policy';
}
