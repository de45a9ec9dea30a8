// Errors from DNS, sockets, TLS and ldapts turned into one line a person can act on. The caller scrubs
// the bind credential out of whatever comes back (a server could echo anything).

const code = (error: unknown): string | undefined =>
	typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message.split('\n')[0]!.trim() : String(error));

export function dnsReason(error: unknown, host: string): string {
	switch (code(error)) {
		case 'ENOTFOUND':
		case 'ENODATA':
			return `${host} does not resolve (no such name)`;
		case 'EAI_AGAIN':
			return `looking up ${host} failed for now (no DNS server answered)`;
		default:
			return `looking up ${host} failed: ${messageOf(error)}`;
	}
}

export function tcpReason(error: unknown, where: string, timeoutMs: number): string {
	switch (code(error)) {
		case 'ECONNREFUSED':
			return `${where} refused the connection: nothing listens on that port`;
		case 'ETIMEDOUT':
			return `${where} did not answer within ${timeoutMs} ms (a firewall dropping the packets?)`;
		case 'EHOSTUNREACH':
		case 'ENETUNREACH':
			return `${where} is unreachable from this machine (no route)`;
		default:
			return `connecting to ${where} failed: ${messageOf(error)}`;
	}
}

const UNTRUSTED = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

export function tlsReason(error: unknown, host: string, timeoutMs: number): string {
	const c = code(error);
	if (c && UNTRUSTED.has(c)) {
		return `the server's certificate is not trusted (${c}): give the CA that signed it (CA file) or fix the server's chain`;
	}
	if (c === 'CERT_HAS_EXPIRED') return 'the server\'s certificate has expired';
	if (c === 'CERT_NOT_YET_VALID') return 'the server\'s certificate is not valid yet (check both clocks)';
	if (c === 'ERR_TLS_CERT_ALTNAME_INVALID') return `the server's certificate does not name ${host}: connect by a name it lists`;
	if (c === 'ETIMEDOUT') return `no TLS handshake within ${timeoutMs} ms`;
	if (c === 'ECONNRESET' || c === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|packet length too long/i.test(messageOf(error))) {
		return 'the server does not speak TLS on this port (ldap:// rather than ldaps://?)';
	}
	return `TLS handshake failed: ${messageOf(error)}`;
}

/** ldapts names result codes by class (InvalidCredentialsError); its messages alone can be "Code: 0x31". */
export const ldapErrorName = (error: unknown): string | undefined =>
	error instanceof Error && /\wError$/.test(error.name) ? error.name : undefined;

export function startTlsReason(error: unknown, host: string, timeoutMs: number): string {
	const name = ldapErrorName(error);
	if (name === 'ProtocolError' || name === 'UnavailableError' || name === 'UnwillingToPerformError' || name === 'TLSNotSupportedError') {
		return `the server refused StartTLS (${name.replace(/Error$/, '')}: ${messageOf(error)}): it has no TLS configured on ldap://; use ldaps:// or configure TLS`;
	}
	return tlsReason(error, host, timeoutMs);
}

export function bindReason(error: unknown, bindDn: string): string {
	switch (ldapErrorName(error)) {
		case 'InvalidCredentialsError':
			return `the server refused ${bindDn} with this password (invalid credentials)`;
		case 'InvalidDNSyntaxError':
			return `${bindDn} is not a valid DN`;
		case 'ConfidentialityRequiredError':
		case 'StrongAuthRequiredError':
			return 'the server requires an encrypted connection before a bind: use ldaps:// or StartTLS';
		case 'UnwillingToPerformError':
			return `the server is unwilling to bind ${bindDn} (an empty password or a disabled account?)`;
		default:
			return `bind failed: ${messageOf(error)}`;
	}
}

export function searchReason(error: unknown, field: string, base: string, filterField?: string): string {
	switch (ldapErrorName(error)) {
		case 'NoSuchObjectError':
			return `${field} ${base} does not exist on the server`;
		case 'InvalidDNSyntaxError':
			return `${field} ${base} is not a valid DN`;
		case 'InsufficientAccessError':
			return `the bind account may not search ${base}`;
		case 'TimeLimitExceededError':
			return `searching ${base} took longer than the time limit`;
		default:
			if (filterField && /filter/i.test(messageOf(error))) return `${filterField} is not a valid LDAP filter: ${messageOf(error)}`;
			return `searching ${base} failed: ${messageOf(error)}`;
	}
}
