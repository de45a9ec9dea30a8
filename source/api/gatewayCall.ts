import type {z} from 'zod';
import type {Credential, TokenManager} from './auth/tokenManager.js';
import {OagError} from './errors.js';
import {errorFromResponse} from './http/errorMapping.js';
import {secretValuesIn} from './http/secretValues.js';
import type {HttpMethod, RawResponse, RetryPolicy, Transport} from './http/transport.js';

// One authenticated call to a resource endpoint: bearer from the token manager, one renew-and-retry on 401,
// any 2xx is success, the answer parsed with the contract's zod schema (tolerant: extra fields kept).

export type CallSpec = {
	method: HttpMethod;
	path: string;
	body?: unknown;
	retry: RetryPolicy;
	/**
	 * What a 2xx without a body means (the contract leaves these codes open: 200 with the value, 201, 204).
	 * Default for a write: the gateway stored what was sent. A create, whose answer carries the new id,
	 * reads it back instead.
	 */
	onEmpty?: () => unknown;
};

export type GatewayCaller = {
	/** A call whose answer is JSON of the given shape. */
	json<Schema extends z.ZodType>(spec: CallSpec, schema: Schema): Promise<z.output<Schema>>;
	/** A call whose answer carries nothing we need (204, or a body we ignore). */
	noContent(spec: CallSpec): Promise<void>;
	/** Like json(), but a 404 resolves undefined ("not enabled" / "not configured"). */
	jsonOrUndefined<Schema extends z.ZodType>(spec: CallSpec, schema: Schema): Promise<z.output<Schema> | undefined>;
};

const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/** A list longer than this is refused with a message rather than held and rendered. */
export const DEFAULT_MAX_LIST_ITEMS = 100_000;

export function createGatewayCaller(
	transport: Transport,
	tokens: TokenManager,
	limits: {maxListItems?: number} = {},
): GatewayCaller {
	const maxListItems = limits.maxListItems ?? DEFAULT_MAX_LIST_ITEMS;
	async function exchange(spec: CallSpec): Promise<RawResponse> {
		let used: Credential | undefined;
		const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
		const send = () =>
			transport.send({
				method: spec.method,
				path: spec.path,
				retry: spec.retry,
				headers: async () => {
					used = await tokens.credential();
					return {authorization: used.authorization, ...(body !== undefined ? {'content-type': 'application/json'} : {})};
				},
				...(body !== undefined ? {body} : {}),
			});
		const first = await send();
		if (first.status !== 401 || !used) return first;
		// Revoked or expired early: renew once and try once more; a second 401 is final.
		tokens.reject(used);
		return send();
	}

	async function checked(spec: CallSpec): Promise<RawResponse> {
		const response = await exchange(spec);
		if (isSuccess(response.status)) return response;
		throw errorFromResponse({
			method: spec.method,
			path: spec.path,
			status: response.status,
			bodyText: response.text,
			// Masked in the parsed error structure, in every encoding, not by a search of the raw text.
			secrets: spec.body === undefined ? [] : secretValuesIn(spec.body),
			...(response.retryAfterSeconds !== undefined ? {retryAfterSeconds: response.retryAfterSeconds} : {}),
		});
	}

	function parse<Schema extends z.ZodType>(spec: CallSpec, text: string, schema: Schema): z.output<Schema> {
		const operation = `${spec.method} ${spec.path}`;
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			const what = text.trim() === '' ? 'an empty body' : 'a body that is not JSON';
			throw new OagError('bad-response', `The gateway answered ${operation} with ${what}.`, {
				method: spec.method,
				path: spec.path,
			});
		}
		if (Array.isArray(json) && json.length > maxListItems) {
			throw new OagError(
				'bad-response',
				`The gateway's answer to ${operation} lists ${json.length} items, more than this client's limit of ${maxListItems}; it was not shown.`,
				{method: spec.method, path: spec.path},
			);
		}
		return conform(spec, json, schema);
	}

	/** A value in the contract's shape, or bad-response naming the first problems (paths only, no values). */
	function conform<Schema extends z.ZodType>(spec: CallSpec, json: unknown, schema: Schema): z.output<Schema> {
		const operation = `${spec.method} ${spec.path}`;
		const result = schema.safeParse(json);
		if (result.success) return result.data;
		const issues = result.error.issues
			.slice(0, 3)
			.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
			.join('; ');
		throw new OagError('bad-response', `The gateway's answer to ${operation} has an unexpected shape: ${issues}`, {
			method: spec.method,
			path: spec.path,
		});
	}

	return {
		async json(spec, schema) {
			const response = await checked(spec);
			if (response.text.trim() === '' && (spec.onEmpty || spec.body !== undefined)) {
				const stored = spec.onEmpty ? await spec.onEmpty() : spec.body;
				return conform(spec, stored ?? null, schema);
			}
			return parse(spec, response.text, schema);
		},
		async noContent(spec) {
			await checked(spec);
		},
		async jsonOrUndefined(spec, schema) {
			try {
				const response = await checked(spec);
				return parse(spec, response.text, schema);
			} catch (error) {
				if (error instanceof OagError && error.kind === 'not-found') return undefined;
				throw error;
			}
		},
	};
}
