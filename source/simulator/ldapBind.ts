import {isIP} from 'node:net';
import tls from 'node:tls';
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

/** ldapts names its result-code errors (InvalidCredentialsError); its messages alone can be just "Code: 0x31". */
function describeBindError(error: unknown, bindCredential: string): string {
	if (!(error instanceof Error)) return 'unknown error';
	const named = /^(\w+)Error$/.exec(error.name)?.[1];
	const kind = named && named !== 'Error' ? named.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : undefined;
	const detail = error.message.split('\n')[0]!.trim();
	const text = [kind, detail].filter(Boolean).join(': ') || 'unknown error';
	return (bindCredential ? text.replaceAll(bindCredential, '***') : text).slice(0, 200);
}

/** undefined when the bind succeeded, else a one-line reason (never the credential). */
export async function tryBind(connectionUrl: string, bindDn: string, bindCredential: string, caPem?: string): Promise<string | undefined> {
	const url = connectionUrl.trim();
	const client = new Client({
		url,
		timeout: BIND_TIMEOUT_MS,
		connectTimeout: BIND_TIMEOUT_MS,
		// The certificate is verified, as a gateway node would: the system roots plus the CA the simulator was
		// given for its directories. Only for ldaps: ldapts treats any tlsOptions as "speak TLS", even on ldap://.
		...(/^ldaps:/i.test(url) ? {tlsOptions: {rejectUnauthorized: true, ...(caPem ? {ca: [...tls.rootCertificates, caPem]} : {})}} : {}),
	});
	try {
		await client.bind(bindDn, bindCredential);
		return undefined;
	} catch (error) {
		return describeBindError(error, bindCredential);
	} finally {
		await client.unbind().catch(() => undefined);
	}
}
