import {parseGatewayHost} from '../domain/gatewayHost.js';
import {ClientSettingsError} from './errors.js';

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

function hostError(input: string, why: string): ClientSettingsError {
	const shown = input.length > 80 ? `${input.slice(0, 80)}...` : input;
	return new ClientSettingsError('host', `Not a gateway host: "${shown}" (${why.replace(/\.$/, '')}). Use host, host:port or https://host[:port].`);
}

/** The host rule lives in domain/gatewayHost (shared with login and Setup); URL only normalises what passed. */
export function parseGatewayAddress(input: string): GatewayAddress {
	const parsed = parseGatewayHost(input);
	if (!parsed.ok) throw hostError(input, parsed.problem);
	const {protocol, port: typedPort} = parsed.value;
	let url: URL;
	try {
		url = new URL(`${protocol}://${parsed.value.host}${typedPort === undefined ? '' : `:${typedPort}`}`);
	} catch {
		throw hostError(input, 'not a host name or URL');
	}
	const host = url.hostname.toLowerCase();
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
