// Error bodies are shown to humans as short excerpts. A misbehaving gateway or proxy could echo a token,
// an assertion, a key or a password there, so everything that looks like a secret is masked first
// and the result is cut short.

import {MASK, maskSecrets} from './secretValues.js';

type Rule = {pattern: RegExp; replacement: string | ((match: string) => string)};

// URL paths and UUIDs are long runs too, but made of short pieces; opaque secrets are not.
const looksLikePathOrId = (run: string): boolean => run.split(/[/-]/).every((piece) => piece.length <= 16);

const SECRET_FIELD_NAMES =
	'password|passwd|secret|bindCredential|access_token|refresh_token|id_token|client_assertion|token|apiToken|privateKey|private_key|authorization';

const RULES: readonly Rule[] = [
	// PEM blocks, whole or cut off after the header; then a stray footer.
	{pattern: /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g, replacement: MASK},
	{pattern: /-----END [A-Z0-9 ]+-----/g, replacement: MASK},
	// JWTs and other JOSE compact serialisations (a base64url JSON header starts with eyJ).
	{pattern: /eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){0,4}/g, replacement: MASK},
	// Authorization header values.
	{pattern: /\b(Bearer|Basic)\s+[^\s"',;]+/gi, replacement: `$1 ${MASK}`},
	// JSON members ("password": "...") and form fields (password=...) whose value is a secret. Plain prose
	// such as "database.password: Required." is left alone: it is a field name, not a value.
	{
		pattern: new RegExp(`("(?:${SECRET_FIELD_NAMES})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|[^\\s,}]+)`, 'gi'),
		replacement: `$1"${MASK}"`,
	},
	{pattern: new RegExp(`(\\b(?:${SECRET_FIELD_NAMES})=)[^\\s&]+`, 'gi'), replacement: `$1${MASK}`},
	// Long runs of base64/hex: key material or opaque tokens.
	{pattern: /[A-Za-z0-9+/_-]{32,}={0,2}/g, replacement: (run) => (looksLikePathOrId(run) ? run : MASK)},
];

export function redactSecrets(text: string): string {
	return RULES.reduce(
		(out, rule) =>
			typeof rule.replacement === 'string'
				? out.replace(rule.pattern, rule.replacement)
				: out.replace(rule.pattern, rule.replacement),
		text,
	);
}

/**
 * One line, secrets masked, at most `max` characters (an ellipsis marks a cut). The request's own secrets are
 * masked before anything else and again after the text is made one line (which could join an echo that was
 * split by a line break), and always before the cut, so no prefix of a secret survives.
 */
export function safeExcerpt(text: string, max = 120, secrets: readonly string[] = []): string {
	// Control characters would let a gateway's text drive the terminal (escape sequences): drop them.
	const normalise = (value: string): string =>
		// eslint-disable-next-line no-control-regex
		value.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
	const normalisedSecrets = secrets.map(normalise).filter((secret) => secret.trim().length >= 3);
	const oneLine = maskSecrets(normalise(redactSecrets(maskSecrets(text, secrets))), [...secrets, ...normalisedSecrets]).trim();
	if (oneLine.length <= max) return oneLine;
	return `${oneLine.slice(0, max - 3)}...`;
}
