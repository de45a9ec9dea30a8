import {lookup} from 'node:dns/promises';
import {connect as tcpConnect, isIP, type Socket} from 'node:net';
import {checkServerIdentity, connect as tlsConnect, type PeerCertificate, type TLSSocket} from 'node:tls';
import {packetPayload, parseHandshake, sslRequestPacket, type ServerHandshake} from './handshake.js';
import {networkReason, tlsReason} from './reasons.js';

// The steps before any credential is sent: DNS, TCP, the server's greeting, TLS. They use one raw socket
// that is closed before the login, so a wrong port or an untrusted certificate is found without the
// password ever leaving this machine. (MariaDB counts the aborted handshake as a connect error for this
// host; the successful login that follows resets that count.)

/** A step's result before it is timed: what the admin reads, and whether to go on. */
export type StepResult = {status: 'pass' | 'warn' | 'fail' | 'skip'; reason: string};

export class StepFailure extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, reason: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new StepFailure(reason)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function resolveHost(host: string, timeoutMs: number): Promise<StepResult> {
	if (isIP(host)) return {status: 'pass', reason: `${host} is an IP address: no DNS lookup needed`};
	try {
		const addresses = await withTimeout(lookup(host, {all: true}), timeoutMs, `DNS did not answer within ${timeoutMs / 1000} s`);
		return {status: 'pass', reason: `resolves to ${addresses.map(a => a.address).join(', ')}`};
	} catch (error) {
		if (error instanceof StepFailure) return {status: 'fail', reason: error.message};
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOTFOUND') return {status: 'fail', reason: `unknown host: DNS has no address for ${host} (a typo, or a name only the gateway's network knows?)`};
		return {status: 'fail', reason: `DNS lookup failed (${code ?? 'error'}); try again, or use the IP address`};
	}
}

export async function openSocket(host: string, port: number, timeoutMs: number): Promise<{socket?: Socket; result: StepResult}> {
	const socket = tcpConnect({host, port});
	try {
		await withTimeout(
			new Promise<void>((resolve, reject) => {
				socket.once('connect', resolve);
				socket.once('error', reject);
			}),
			timeoutMs,
			`timeout: no answer within ${timeoutMs / 1000} s (a firewall dropping the packets, or the host is down)`,
		);
		return {socket, result: {status: 'pass', reason: `connected to ${socket.remoteAddress}:${socket.remotePort}`}};
	} catch (error) {
		socket.destroy();
		return {result: {status: 'fail', reason: error instanceof StepFailure ? error.message : networkReason(error, host, port)}};
	}
}

/** The first packet on the socket: the greeting, or an error such as "host not allowed". */
export async function readGreeting(socket: Socket, timeoutMs: number): Promise<ServerHandshake | undefined> {
	let received = Buffer.alloc(0);
	const payload = await withTimeout(
		new Promise<Buffer | undefined>((resolve, reject) => {
			const onData = (chunk: Buffer): void => {
				received = Buffer.concat([received, chunk]);
				const whole = packetPayload(received);
				if (whole || received.length > 64 * 1024) {
					socket.off('data', onData);
					resolve(whole);
				}
			};
			socket.on('data', onData);
			socket.once('error', reject);
			socket.once('end', () => resolve(undefined));
		}),
		timeoutMs,
		`the server accepted the connection but sent no MySQL greeting within ${timeoutMs / 1000} s (is this the database port?)`,
	);
	return payload ? parseHandshake(payload) : undefined;
}

const subjectName = (certificate: PeerCertificate): string => {
	const cn = certificate.subject?.CN;
	return (Array.isArray(cn) ? cn[0] : cn) ?? '(no common name)';
};

/** Upgrades the raw socket the way a client does (SSLRequest, then TLS) and judges the certificate. */
export async function tryTls(socket: Socket, host: string, ca: string | undefined, timeoutMs: number): Promise<StepResult> {
	socket.write(sslRequestPacket());
	let secure: TLSSocket | undefined;
	try {
		secure = tlsConnect({socket, rejectUnauthorized: false, ...(ca ? {ca} : {}), ...(isIP(host) ? {} : {servername: host})});
		const tls = secure;
		await withTimeout(
			new Promise<void>((resolve, reject) => {
				tls.once('secureConnect', resolve);
				tls.once('error', reject);
			}),
			timeoutMs,
			`TLS error: no TLS handshake within ${timeoutMs / 1000} s`,
		);
		const certificate = tls.getPeerCertificate();
		if (!tls.authorized) return {status: 'fail', reason: tlsReason(String(tls.authorizationError ?? ''), subjectName(certificate), ca !== undefined)};
		const identity = checkServerIdentity(host, certificate);
		if (identity) return {status: 'fail', reason: `TLS error: the certificate (${subjectName(certificate)}) does not name ${host}`};
		return {status: 'pass', reason: `${tls.getProtocol() ?? 'TLS'}, certificate ${subjectName(certificate)} trusted${ca ? ' (the CA file given)' : ''}`};
	} catch (error) {
		return {status: 'fail', reason: error instanceof StepFailure ? error.message : `TLS error: ${(error as Error).message}`};
	} finally {
		secure?.destroy();
	}
}
