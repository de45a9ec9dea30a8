import {isIPv6} from 'node:net';

// The one rule for what an admin may type as the gateway's admin host (login's --host, every command's
// --host/OAG_HOST, Setup's host field, the API client's base URL). Accepted: a host name, an IPv4 address
// or an IPv6 literal, with an optional :port and an optional https:// (or http://, for a local simulator).
//
// Decisions, and why:
// - Underscores are allowed in host names (`oag_admin.corp.example`): internal DNS and /etc/hosts carry
//   such names, and the TLS certificate check, not this rule, decides whether the name is trusted.
// - IPv6 literals work in brackets (`[::1]:8443`, `https://[fe80::1]`) and bare without a port (`::1`):
//   a bare literal cannot carry a port, since its colons would be ambiguous.
// - A path is refused, except `/` and the API's own prefix (`/api/...`), so that a URL pasted from the
//   guide's curl lines works while `oag.example.com/admin` (a different service?) is questioned.

export type GatewayHost = {
	protocol: 'https' | 'http';
	/** Lower case; an IPv6 literal keeps its brackets, e.g. [::1]. */
	host: string;
	/** Only when typed; the caller picks the protocol's default. */
	port?: number;
};

export type GatewayHostResult = {ok: true; value: GatewayHost} | {ok: false; problem: string};

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

const fail = (problem: string): GatewayHostResult => ({ok: false, problem});

function hostNameProblem(host: string): string | undefined {
	if (host.length > 253) return 'A host name is at most 253 characters.';
	if (IPV4.test(host)) return host.split('.').every(octet => Number(octet) <= 255) ? undefined : 'Not a valid IPv4 address.';
	const labels = (host.endsWith('.') ? host.slice(0, -1) : host).split('.');
	if (!labels.every(label => LABEL.test(label))) return 'Use letters, digits, "-", "_" and dots (e.g. oag-admin.corp.example).';
	// A top-level label is never all digits (RFC 3696 2): "10.0.1" is a mistyped address, not a name.
	if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return 'Not a valid IPv4 address or host name.';
	return undefined;
}

function portOf(text: string): number | string {
	if (!/^\d{1,5}$/.test(text)) return 'A port is a whole number from 1 to 65535.';
	const port = Number(text);
	return port >= 1 && port <= 65535 ? port : 'A port is a whole number from 1 to 65535.';
}

/** Splits `host[:port]` (host possibly a bracketed IPv6 literal) and checks both parts. */
function parseAuthority(authority: string, protocol: GatewayHost['protocol']): GatewayHostResult {
	if (authority.includes('@')) return fail('Credentials in the host are not allowed.');
	// A bare IPv6 literal (`::1`, `fe80::1`): more than one colon and no brackets; it cannot carry a port.
	if (!authority.startsWith('[') && (authority.match(/:/g)?.length ?? 0) >= 2) {
		return isIPv6(authority) ? {ok: true, value: {protocol, host: `[${authority.toLowerCase()}]`}} : fail('Not a valid IPv6 address (write it in brackets to add a port: [::1]:8443).');
	}
	const match = /^(\[[^\]]*\]|[^:[\]]*)(?::(.*))?$/.exec(authority);
	if (!match) return fail('Use host, host:port or https://host[:port].');
	const host = match[1]!.toLowerCase();
	if (host === '') return fail('Required.');
	if (host.startsWith('[')) {
		if (!isIPv6(host.slice(1, -1))) return fail('Not a valid IPv6 address.');
	} else {
		const problem = hostNameProblem(host);
		if (problem) return fail(problem);
	}
	if (match[2] === undefined) return {ok: true, value: {protocol, host}};
	const port = portOf(match[2]);
	return typeof port === 'string' ? fail(port) : {ok: true, value: {protocol, host, port}};
}

export function parseGatewayHost(value: string): GatewayHostResult {
	const text = value.trim();
	if (text === '') return fail('Required.');
	if (/\s/.test(text)) return fail('A host has no spaces.');
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f-\u009f]/.test(text)) return fail('A host has no control characters.');
	const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
	const protocol = scheme?.[1]?.toLowerCase();
	if (protocol !== undefined && protocol !== 'https' && protocol !== 'http') {
		return fail(`The scheme ${protocol}:// is not supported: use https://.`);
	}
	const rest = scheme ? text.slice(scheme[0].length) : text;
	if (/[?#]/.test(rest)) return fail('Give the host only, without a query or fragment.');
	const slash = rest.indexOf('/');
	const authority = slash === -1 ? rest : rest.slice(0, slash);
	const path = slash === -1 ? '' : rest.slice(slash);
	if (path !== '' && path !== '/' && !/^\/api(\/|$)/.test(path)) return fail('Give the host only, without a path.');
	return parseAuthority(authority, protocol === 'http' ? 'http' : 'https');
}

/** The form validator's shape (Setup's host field): a message a human can act on, or undefined. */
export function gatewayHostProblem(value: string): string | undefined {
	const result = parseGatewayHost(value);
	return result.ok ? undefined : result.problem;
}
