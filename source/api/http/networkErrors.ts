import {OagError} from '../errors.js';
import type {ExchangeContext} from './errorMapping.js';

// Socket-level failures: which of them mean "no route / nobody listening" (network), "we do not trust the
// certificate" (tls) or "too slow" (timeout). undici nests the system error in `cause`, so the chain is walked.

const TLS_CODES = new Set([
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'CERT_REVOKED',
	'CERT_UNTRUSTED',
	'CERT_REJECTED',
	'CERT_SIGNATURE_FAILURE',
	'HOSTNAME_MISMATCH',
	'ERR_TLS_HANDSHAKE_TIMEOUT',
]);

const TIMEOUT_CODES = new Set([
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
	'ETIMEDOUT',
	'ABORT_ERR',
]);

const NETWORK_HINTS: Record<string, string> = {
	ECONNREFUSED: 'connection refused (is the host and port right, and is the gateway up?)',
	ENOTFOUND: 'host name not found (check the host name and DNS)',
	EAI_AGAIN: 'DNS lookup failed temporarily',
	ECONNRESET: 'connection reset by the gateway or a proxy',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	EPIPE: 'connection closed while sending',
	UND_ERR_SOCKET: 'connection closed unexpectedly',
	UND_ERR_CLOSED: 'connection closed',
};

function* causeChain(error: unknown): Generator<{code?: string; name?: string; message?: string}> {
	let current: unknown = error;
	for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
		yield current as {code?: string; name?: string; message?: string};
		current = (current as {cause?: unknown}).cause;
	}
}

function firstCode(error: unknown, accept: (code: string) => boolean): string | undefined {
	for (const link of causeChain(error)) {
		if (typeof link.code === 'string' && accept(link.code)) return link.code;
	}
	return undefined;
}

const isTlsCode = (code: string): boolean => TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_');

export type ExceptionContext = ExchangeContext & {timedOut: boolean; timeoutMs: number; origin: string; customCa?: boolean};

/**
 * What OpenSSL says when the other end does not speak TLS at all: plain HTTP, or anything else, on the port.
 * Trust is not the problem there, so --insecure would not help and is never suggested.
 */
const NOT_TLS_CODES = new Set([
	'ERR_SSL_WRONG_VERSION_NUMBER',
	'ERR_SSL_PACKET_LENGTH_TOO_LONG',
	'ERR_SSL_UNKNOWN_PROTOCOL',
	'ERR_SSL_HTTP_REQUEST',
	'ERR_SSL_RECORD_LAYER_FAILURE',
	'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
	'ERR_SSL_UNSUPPORTED_PROTOCOL',
]);

/** The connection closed during the TLS handshake (before any certificate was seen). */
const closedInHandshake = (error: unknown): boolean =>
	[...causeChain(error)].some((link) => /before secure TLS connection was established/i.test(link.message ?? ''));

export function errorFromException(error: unknown, context: ExceptionContext): OagError {
	if (error instanceof OagError) return error;
	const {method, path} = context;
	const details = {method, path};

	const notTls = firstCode(error, (code) => NOT_TLS_CODES.has(code));
	if (notTls || (context.origin.startsWith('https:') && closedInHandshake(error))) {
		return new OagError(
			'tls',
			`${context.origin} is not a TLS server: it did not answer the HTTPS handshake (plain HTTP or another service on that port?). Check the host and port.`,
			{...details, errorCode: notTls ?? 'ECONNRESET'},
			{cause: error},
		);
	}

	const tlsCode = firstCode(error, isTlsCode);
	if (tlsCode) {
		const advice = context.customCa
			? 'The CA file given (--ca-file) does not vouch for it: is it the CA that issued the gateway\'s certificate, and does the certificate name this host?'
			: "Pass the gateway's CA with --ca-file, or, only on a network you trust, --insecure.";
		return new OagError(
			'tls',
			`TLS: the certificate of ${context.origin} is not trusted (${tlsCode}). ${advice}`,
			{...details, errorCode: tlsCode},
			{cause: error},
		);
	}

	const isAbortTimeout = [...causeChain(error)].some((link) => link.name === 'TimeoutError');
	const timeoutCode = firstCode(error, (code) => TIMEOUT_CODES.has(code));
	if (context.timedOut || isAbortTimeout || timeoutCode) {
		const connect = timeoutCode === 'UND_ERR_CONNECT_TIMEOUT';
		return new OagError(
			'timeout',
			connect
				? `Timed out connecting to ${context.origin} (${method} ${path}).`
				: `${method} ${path} got no complete answer from ${context.origin} within ${context.timeoutMs} ms.`,
			{...details, ...(timeoutCode ? {errorCode: timeoutCode} : {})},
			{cause: error},
		);
	}

	const networkCode = firstCode(error, (code) => code in NETWORK_HINTS || code.startsWith('E'));
	const hint = networkCode ? (NETWORK_HINTS[networkCode] ?? networkCode) : 'network failure';
	return new OagError(
		'network',
		`Cannot reach ${context.origin} (${method} ${path}): ${hint}.`,
		{...details, ...(networkCode ? {errorCode: networkCode} : {})},
		{cause: error},
	);
}
