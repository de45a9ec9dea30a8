import {isIP} from 'node:net';
import {Client} from 'ldapts';

// test-directory-connection performs a real LDAP simple bind, but only to loopback: tests must never
// reach out of the machine, and the simulator must not be usable to probe other hosts.

const BIND_TIMEOUT_MS = 3000;

export function loopbackHostOf(connectionUrl: string): string | undefined {
	const match = /^ldaps?:\/\/(\[[^\]]+\]|[^/:]+)/i.exec(connectionUrl.trim());
	const host = match?.[1]?.replace(/^\[|\]$/g, '').toLowerCase();
	if (!host) return undefined;
	if (host === 'localhost' || host === '::1') return host;
	if (isIP(host) === 4 && host.startsWith('127.')) return host;
	return undefined;
}

/** undefined when the bind succeeded, else a one-line reason (never the credential). */
export async function tryBind(connectionUrl: string, bindDn: string, bindCredential: string): Promise<string | undefined> {
	const client = new Client({
		url: connectionUrl.trim(),
		timeout: BIND_TIMEOUT_MS,
		connectTimeout: BIND_TIMEOUT_MS,
		// Loopback test directories use throwaway certificates.
		tlsOptions: {rejectUnauthorized: false},
	});
	try {
		await client.bind(bindDn, bindCredential);
		return undefined;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return message.split('\n')[0]!.replaceAll(bindCredential, '***').slice(0, 200) || 'unknown error';
	} finally {
		await client.unbind().catch(() => undefined);
	}
}
