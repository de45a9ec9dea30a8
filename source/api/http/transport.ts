import {request, type Dispatcher} from 'undici';
import type {RequestEvent} from '../clientOptions.js';
import {OagError} from '../errors.js';
import {backoffDelayMs, MAX_RETRY_AFTER_SECONDS, parseRetryAfterSeconds, sleep as realSleep, type BackoffOptions} from './backoff.js';
import {createLimiter} from './limiter.js';
import {errorFromException} from './networkErrors.js';

// Sends one logical request: concurrency slot, per-attempt timeout, retries with backoff for requests that are
// safe to repeat, an onRequest event per attempt. It returns whatever status the gateway answered; mapping a
// status to an error is the caller's job (the token endpoint and resource endpoints read them differently).

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** 'idempotent': safe to send again (GET, PUT, POSTs that set a value). 'never': creates, deletes, tests. */
export type RetryPolicy = 'idempotent' | 'never';

export type Exchange = {
	method: HttpMethod;
	path: string;
	/**
	 * Headers, or a function called before every attempt: a retry then carries a fresh credential
	 * (a renewed token, or a new single-use assertion in direct-bearer mode).
	 */
	headers?: Record<string, string> | (() => Promise<Record<string, string>>);
	/** The body, or a function called before every attempt (a token request signs a new assertion each time). */
	body?: string | (() => Promise<string>);
	retry: RetryPolicy;
};

type PreparedExchange = {method: HttpMethod; path: string; headers: Record<string, string>; body?: string};

export type RawResponse = {status: number; text: string; retryAfterSeconds?: number};

export type TransportOptions = {
	origin: string;
	dispatcher: Dispatcher;
	totalMs: number;
	maxRetries: number;
	backoff: BackoffOptions;
	concurrency: number;
	/** The admin gave a CA file: a TLS failure must not tell them to pass one. */
	customCa?: boolean;
	/** The largest answer read; a bigger one fails as bad-response without being held in memory. */
	maxBodyBytes?: number;
	/** A 429 asking for a longer wait is not retried: the error says when to retry. */
	maxRetryAfterSeconds?: number;
	/** No retry starts when its wait would end after this long since the first attempt. */
	deadlineMs?: number;
	onRequest?: (event: RequestEvent) => void;
	/** Injectable for tests. */
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
	now?: () => number;
};

const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
const DEFAULT_DEADLINE_MS = 60_000;

export type Transport = {
	send(exchange: Exchange): Promise<RawResponse>;
};

const USER_AGENT = 'oag-offline';

function headerValue(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

export function createTransport(options: TransportOptions): Transport {
	const limiter = createLimiter(options.concurrency);
	const sleep = options.sleep ?? realSleep;
	const random = options.random ?? Math.random;
	const now = options.now ?? (() => performance.now());
	const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
	const maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? MAX_RETRY_AFTER_SECONDS;
	const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;

	const report = (event: RequestEvent): void => {
		try {
			options.onRequest?.(event);
		} catch {
			// A faulty listener must not break the request it observes.
		}
	};

	async function prepare(exchange: Exchange): Promise<PreparedExchange> {
		const headers = typeof exchange.headers === 'function' ? await exchange.headers() : (exchange.headers ?? {});
		const body = typeof exchange.body === 'function' ? await exchange.body() : exchange.body;
		return {method: exchange.method, path: exchange.path, headers, ...(body !== undefined ? {body} : {})};
	}

	async function sendOnce(exchange: PreparedExchange, attempt: number): Promise<RawResponse> {
		const started = performance.now();
		// A controller with a timer we clear, not AbortSignal.timeout: that one keeps its timer alive for the
		// whole timeout after the request ended (thousands of pending timers while 5,000 apps load).
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), options.totalMs);
		const signal = controller.signal;
		const base = {method: exchange.method, path: exchange.path, attempt};
		try {
			const response = await request(`${options.origin}${exchange.path}`, {
				method: exchange.method,
				dispatcher: options.dispatcher,
				signal,
				headers: {accept: 'application/json', 'user-agent': USER_AGENT, ...exchange.headers},
				...(exchange.body !== undefined ? {body: exchange.body} : {}),
			});
			const text = await readCapped(response, exchange);
			report({...base, status: response.statusCode, ms: Math.round(performance.now() - started)});
			const retryAfterSeconds = parseRetryAfterSeconds(headerValue(response.headers['retry-after']));
			return {status: response.statusCode, text, ...(retryAfterSeconds !== undefined ? {retryAfterSeconds} : {})};
		} catch (error) {
			report({...base, ms: Math.round(performance.now() - started)});
			throw errorFromException(error, {
				method: exchange.method,
				path: exchange.path,
				origin: options.origin,
				timedOut: signal.aborted,
				timeoutMs: options.totalMs,
				customCa: options.customCa ?? false,
			});
		} finally {
			clearTimeout(timer);
		}
	}

	/** The body, read chunk by chunk and given up on as soon as it passes the client's limit. */
	async function readCapped(response: Dispatcher.ResponseData, exchange: PreparedExchange): Promise<string> {
		const tooLarge = (): OagError => {
			response.body.on('error', () => undefined); // the abort it reports is ours
			response.body.destroy();
			return new OagError(
				'bad-response',
				`The gateway's answer to ${exchange.method} ${exchange.path} is larger than ${formatBytes(maxBodyBytes)} (this client's limit); it was not read.`,
				{method: exchange.method, path: exchange.path, status: response.statusCode},
			);
		};
		const declared = Number(headerValue(response.headers['content-length']));
		if (Number.isFinite(declared) && declared > maxBodyBytes) throw tooLarge();
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of response.body) {
			size += (chunk as Buffer).length;
			if (size > maxBodyBytes) throw tooLarge();
			chunks.push(chunk as Buffer);
		}
		return Buffer.concat(chunks).toString('utf8');
	}

	/** How long to wait before the next attempt, or undefined when this outcome is final. */
	function retryDelay(exchange: Exchange, retriesDone: number, outcome: RawResponse | OagError, elapsedMs: number): number | undefined {
		if (exchange.retry !== 'idempotent' || retriesDone >= options.maxRetries) return undefined;
		const backoff = backoffDelayMs(retriesDone, options.backoff, random);
		let delay: number | undefined;
		if (outcome instanceof OagError) delay = outcome.kind === 'network' ? backoff : undefined;
		else if (outcome.status === 429) {
			const asked = outcome.retryAfterSeconds;
			// Waiting longer than the ceiling is not this command's job: it fails and says when to retry.
			if (asked !== undefined && asked > maxRetryAfterSeconds) return undefined;
			delay = asked !== undefined ? asked * 1000 + backoff / 4 : backoff;
		} else delay = outcome.status >= 500 ? backoff : undefined;
		if (delay === undefined || elapsedMs + delay > deadlineMs) return undefined;
		return delay;
	}

	return {
		async send(exchange) {
			const started = now();
			for (let retriesDone = 0; ; retriesDone++) {
				// Prepared outside the slot: fetching a credential may itself need a slot (the token request).
				const prepared = await prepare(exchange);
				let outcome: RawResponse | OagError;
				try {
					outcome = await limiter.run(() => sendOnce(prepared, retriesDone + 1));
				} catch (error) {
					if (!(error instanceof OagError)) throw error;
					outcome = error;
				}
				const delay = retryDelay(exchange, retriesDone, outcome, now() - started);
				if (delay === undefined) {
					if (outcome instanceof OagError) throw outcome;
					return outcome;
				}
				// The slot is released while we wait, so other requests are not held up by our backoff.
				await sleep(delay);
			}
		},
	};
}

const formatBytes = (bytes: number): string =>
	bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KiB` : `${bytes} bytes`;
