// Secrets never reach the audit log (design section 5). Two nets: by field name (a password or a token
// under any key that names one), and by value (the secrets the caller knows it sent, and anything that
// looks like a private key or a signed token wherever it appears, e.g. inside an error message).

export const REDACTED = '[REDACTED]';

const SECRET_FIELD = /pass(word|phrase|wd)?$|^pw$|secret|token|credential|private.?key|api.?key|authorization|assertion|bind.?pw/i;
const PEM_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g;
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
/** Short known values would blank out ordinary words; below this length they are only redacted by field name. */
const MIN_KNOWN_SECRET = 6;

export const isSecretField = (name: string): boolean => SECRET_FIELD.test(name);

export function redactText(text: string, knownSecrets: readonly string[] = []): string {
	let out = text.replace(PEM_KEY, REDACTED).replace(JWT, REDACTED);
	for (const secret of knownSecrets) {
		if (secret.length >= MIN_KNOWN_SECRET) out = out.split(secret).join(REDACTED);
	}
	return out;
}

/** A copy of `value` with secret fields and secret values replaced; plain data only (JSON-like). */
export function redact<T>(value: T, knownSecrets: readonly string[] = []): T {
	return walk(value, knownSecrets, 0) as T;
}

function walk(value: unknown, secrets: readonly string[], depth: number): unknown {
	if (typeof value === 'string') return redactText(value, secrets);
	if (depth > 20 || value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map(item => walk(item, secrets, depth + 1));
	const out: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(value)) {
		out[key] = isSecretField(key) && field !== undefined && field !== null ? REDACTED : walk(field, secrets, depth + 1);
	}
	return out;
}
