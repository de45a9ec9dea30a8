import {lookup} from 'node:dns/promises';
import {connect as tcpConnect, isIP} from 'node:net';
import {checkServerIdentity, connect as tlsConnect, type ConnectionOptions, type TLSSocket} from 'node:tls';
import {dnsReason, tcpReason, tlsReason} from './reasons.js';

// DNS, TCP and (for ldaps://) the TLS handshake, each on its own so a failure names the layer that broke.
// Results are plain data; the pre-flight times them and turns failures into steps.

export type LdapEndpoint = {secure: boolean; host: string; port: number};

/** ldap://host[:389] or ldaps://host[:636]; undefined for anything else. */
export function parseLdapUrl(connectionUrl: string): LdapEndpoint | undefined {
	const match = /^(ldaps?):\/\/(\[[^\]]+\]|[^/:?#]+)(?::(\d{1,5}))?\/?$/i.exec(connectionUrl.trim());
	if (!match) return undefined;
	const secure = match[1]!.toLowerCase() === 'ldaps';
	const port = match[3] === undefined ? (secure ? 636 : 389) : Number(match[3]);
	if (port < 1 || port > 65535) return undefined;
	return {secure, host: match[2]!.replace(/^\[|\]$/g, ''), port};
}

export class StepFailure extends Error {}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, onTimeout: () => Error): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(onTimeout()), timeoutMs);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const timedOut = (): Error => Object.assign(new Error('timed out'), {code: 'ETIMEDOUT'});

/** The addresses the host resolves to (an IP literal is its own address). */
export async function resolveHost(host: string, timeoutMs: number): Promise<{addresses: string[]; literal: boolean}> {
	if (isIP(host)) return {addresses: [host], literal: true};
	try {
		const found = await withTimeout(lookup(host, {all: true}), timeoutMs, () => Object.assign(new Error('timed out'), {code: 'EAI_AGAIN'}));
		return {addresses: found.map(a => a.address), literal: false};
	} catch (error) {
		throw new StepFailure(dnsReason(error, host));
	}
}

const where = (address: string, port: number): string => (isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`);

export async function connectTcp(address: string, port: number, timeoutMs: number): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const socket = tcpConnect({host: address, port});
		socket.setTimeout(timeoutMs, () => socket.destroy(timedOut()));
		socket.once('connect', () => {
			socket.destroy();
			resolve();
		});
		socket.once('error', error => reject(new StepFailure(tcpReason(error, where(address, port), timeoutMs))));
	});
}

export type TlsFacts = {protocol: string; subject: string; issuer: string; validTo: string};

const short = (text: string | string[] | undefined): string => (Array.isArray(text) ? text.join(', ') : (text ?? '?')).slice(0, 120);

export function tlsFacts(socket: TLSSocket): TlsFacts {
	const cert = socket.getPeerCertificate();
	return {
		protocol: socket.getProtocol() ?? 'TLS',
		subject: short(cert.subject?.CN ?? cert.subjectaltname),
		issuer: short(cert.issuer?.CN ?? cert.issuer?.O),
		validTo: short(cert.valid_to),
	};
}

/** The TLS options both the handshake check and the LDAP session use: verification always on. */
export function tlsOptionsFor(host: string, caPem: string | undefined): ConnectionOptions {
	return {
		rejectUnauthorized: true,
		...(caPem === undefined ? {} : {ca: caPem}),
		...(isIP(host) ? {host} : {host, servername: host}),
	};
}

/** An ldaps:// handshake with the certificate verified against the CA (or the system's trust store). */
export async function handshake(endpoint: LdapEndpoint, address: string, caPem: string | undefined, timeoutMs: number): Promise<TlsFacts> {
	return new Promise<TlsFacts>((resolve, reject) => {
		const socket = tlsConnect({
			...tlsOptionsFor(endpoint.host, caPem),
			host: address,
			port: endpoint.port,
			// Identity is checked against the name in the URL, not the address it resolved to.
			checkServerIdentity: (_address, cert) => checkServerIdentity(endpoint.host, cert),
		});
		socket.setTimeout(timeoutMs, () => socket.destroy(timedOut()));
		socket.once('secureConnect', () => {
			const facts = tlsFacts(socket);
			socket.destroy();
			resolve(facts);
		});
		socket.once('error', error => reject(new StepFailure(tlsReason(error, endpoint.host, timeoutMs))));
	});
}

