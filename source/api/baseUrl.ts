// Turns what the user typed for --host into the URL we call and the JWT audience the gateway expects.
// The audience is always https://host[:port] (port only when not 443), even when we call a local simulator
// over http://, because the gateway checks `aud` against its own https identity.

export type GatewayAddress = {
	/** Origin we send requests to, e.g. https://oag.example.com or http://127.0.0.1:8080 (no trailing slash). */
	baseUrl: string;
	/** JWT `aud` of the client assertion: https://host with :port only when it is not 443. */
	audience: string;
	/** Host name or IP; IPv6 literals keep their brackets, e.g. [::1]. */
	host: string;
	port: number;
	protocol: 'https' | 'http';
};

const HOST_LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;

function hostError(input: string, why: string): Error {
	const shown = input.length > 80 ? `${input.slice(0, 80)}...` : input;
	return new Error(`Not a gateway host: "${shown}" (${why}). Use host, host:port or https://host[:port].`);
}

function isValidHostName(host: string): boolean {
	if (host.length > 253) return false;
	const labels = host.endsWith('.') ? host.slice(0, -1).split('.') : host.split('.');
	return labels.length > 0 && labels.every((label) => HOST_LABEL.test(label));
}

/** A bare IPv6 literal typed without brackets (`::1`, `fe80::1`) has more than one colon and no port. */
function bracketBareIpv6(input: string): string {
	const colons = input.split(':').length - 1;
	if (colons >= 2 && !input.includes('[') && !input.includes('/')) return `[${input}]`;
	return input;
}

export function parseGatewayAddress(input: string): GatewayAddress {
	const trimmed = input.trim();
	if (trimmed === '') throw hostError(input, 'empty');
	if (/\s/.test(trimmed)) throw hostError(input, 'contains spaces');

	const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed);
	const scheme = schemeMatch?.[1]?.toLowerCase();
	if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') {
		throw hostError(input, `scheme ${scheme}:// is not supported`);
	}
	const withScheme = scheme ? trimmed : `https://${bracketBareIpv6(trimmed)}`;

	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw hostError(input, 'not a host name or URL');
	}
	if (url.username || url.password) throw hostError(input, 'credentials in the URL are not allowed');
	if (url.search || url.hash) throw hostError(input, 'query or fragment not allowed');
	const protocol = url.protocol === 'http:' ? 'http' : 'https';
	const host = url.hostname.toLowerCase();
	const isIpv6 = host.startsWith('[') && host.endsWith(']');
	if (!isIpv6 && !isValidHostName(host)) throw hostError(input, 'invalid host name');

	const defaultPort = protocol === 'https' ? 443 : 80;
	const port = url.port === '' ? defaultPort : Number(url.port);
	const portSuffix = url.port === '' ? '' : `:${port}`;
	// WHATWG URL drops the default port for the scheme (url.port is '' for https://h:443 and http://h:80).
	const audiencePort = url.port === '' || port === 443 ? '' : `:${port}`;
	return {
		baseUrl: `${protocol}://${host}${portSuffix}`,
		audience: `https://${host}${audiencePort}`,
		host,
		port,
		protocol,
	};
}
