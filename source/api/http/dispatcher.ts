import tls from 'node:tls';
import {Agent} from 'undici';

// One undici Agent per client: keep-alive connections, connect timeout, and the TLS trust we want.
// An extra CA (the gateway's own, often private) is trusted *in addition to* the system roots:
// Node's `ca` option replaces the default store, so the roots are passed along explicitly.

export type DispatcherOptions = {
	protocol: 'https' | 'http';
	host: string;
	caPem?: string;
	insecure?: boolean;
	connectMs: number;
	totalMs: number;
	connections: number;
	warn: (message: string) => void;
};

export const INSECURE_WARNING =
	'TLS verification is OFF (--insecure): the gateway is not authenticated, so anyone on the network path ' +
	'could impersonate it and capture the access token and every value sent. Use --ca-file instead.';

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves this machine. */
const isLoopback = (host: string): boolean =>
	host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);

/** The system trust store: Node >= 22.15 can include OS-added roots; older Node only has its bundle. */
function systemRoots(): string[] {
	const getCACertificates = (tls as {getCACertificates?: (type: string) => string[]}).getCACertificates;
	return getCACertificates ? getCACertificates('default') : [...tls.rootCertificates];
}

export function createDispatcher(options: DispatcherOptions): Agent {
	if (options.insecure) options.warn(INSECURE_WARNING);
	if (options.protocol === 'http' && !isLoopback(options.host)) {
		// The assertion and the bearer token would cross the network in clear: as loud as --insecure, and
		// only when the admin said --insecure.
		if (!options.insecure) {
			throw new Error(
				`Refusing plain http:// to ${options.host}: the key's assertion and the access token would travel unencrypted. Use https:// (the default), or --insecure if you really mean it.`,
			);
		}
		options.warn(`Plain http:// to ${options.host}: nothing is encrypted. http is meant for a local simulator only.`);
	}
	// Parsed once per client: with a `ca` option every TLS connection would build its own context from the
	// ~144 roots (~60 ms each). Without an extra CA, Node's shared default store is already built once.
	const secureContext = options.caPem ? tls.createSecureContext({ca: [...systemRoots(), options.caPem]}) : undefined;
	return new Agent({
		connections: options.connections,
		headersTimeout: options.totalMs,
		bodyTimeout: options.totalMs,
		connect: {
			timeout: options.connectMs,
			rejectUnauthorized: !options.insecure,
			...(secureContext ? {secureContext} : {}),
		},
	});
}
