import {ErrorBody, type ErrorCause} from '../schemas/common.js';
import {safeExcerpt} from './redact.js';
import {maskDeep} from './secretValues.js';

// Error bodies are read tolerantly: the documented {errorCode, errorSummary, errorCauses} shape, an OAuth
// style {error, error_description} (token endpoints often answer that way), or anything else, which is
// shown as a short redacted excerpt.

export type ParsedErrorBody = {
	/** One line for humans: the gateway's summary, or `HTTP <status>: <excerpt>`. */
	summary: string;
	errorCode?: string;
	causes: ErrorCause[];
	/** True when the body had a recognised shape. */
	recognised: boolean;
};

const MAX_SUMMARY = 200;


/** An error code is an identifier (E0000001, invalid_scope); anything else is not shown. */
const codeOf = (code: string | undefined): {errorCode?: string} =>
	code !== undefined && /^[A-Za-z0-9_.-]{1,40}$/.test(code) ? {errorCode: code} : {};

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/**
 * `secrets` are the values the request carried: they are masked in the parsed structure (every string, in
 * every encoding a gateway might echo, see secretValues.ts) before any field is read, not in the raw text.
 */
export function parseErrorBody(status: number, text: string, secrets: readonly string[] = []): ParsedErrorBody {
	const clean = (value: string, max = MAX_SUMMARY): string => safeExcerpt(value, max, secrets);
	const json = maskDeep(parseJson(text), secrets);
	const documented = ErrorBody.safeParse(json);
	if (documented.success) {
		return {
			summary: clean(documented.data.errorSummary),
			...codeOf(documented.data.errorCode),
			// Only the two documented members: anything else a gateway adds (a rejected value) is dropped.
			causes: documented.data.errorCauses.map((cause) => ({
				...(cause.field ? {field: clean(cause.field, 80)} : {}),
				errorSummary: clean(cause.errorSummary),
			})),
			recognised: true,
		};
	}
	if (json && typeof json === 'object') {
		const record = json as Record<string, unknown>;
		const summary = [record.errorSummary, record.error_description, record.message, record.error].find(
			(value): value is string => typeof value === 'string' && value.trim() !== '',
		);
		if (summary !== undefined) {
			const errorCode = [record.errorCode, record.error].find((value): value is string => typeof value === 'string');
			return {summary: clean(summary), ...codeOf(errorCode), causes: [], recognised: true};
		}
	}
	const excerpt = safeExcerpt(text, 120, secrets);
	return {summary: excerpt ? `HTTP ${status}: ${excerpt}` : `HTTP ${status}`, causes: [], recognised: false};
}

const SCOPE_PATTERN = /okta\.oag\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*/;

/** The okta.oag.* scope a 403 names, from its summary, causes or raw text. */
export function findScope(parsed: ParsedErrorBody, rawText: string): string | undefined {
	const places = [parsed.summary, ...parsed.causes.map((cause) => cause.errorSummary), rawText];
	for (const place of places) {
		const match = SCOPE_PATTERN.exec(place);
		if (match) return match[0];
	}
	return undefined;
}
