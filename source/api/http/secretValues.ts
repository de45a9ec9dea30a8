// Masking by value: the secrets a request carried (DB credentials, bind credentials) are known exactly,
// so any echo of them in the gateway's answer is replaced, whatever the wording around it. Pattern rules
// (redact.ts) cannot catch "connect as oag with password Hunter2" prose; this can.

const SECRET_KEYS = /^(password|username|bindCredential|apiToken|client_assertion|secret)$/i;
/** Shorter values are too likely to be ordinary words to replace everywhere. */
const MIN_LENGTH = 3;

export function secretValuesIn(body: unknown, found: string[] = []): string[] {
	if (Array.isArray(body)) {
		for (const item of body) secretValuesIn(item, found);
	} else if (body && typeof body === 'object') {
		for (const [key, value] of Object.entries(body)) {
			if (typeof value === 'string' && SECRET_KEYS.test(key) && value.length >= MIN_LENGTH) found.push(value);
			else secretValuesIn(value, found);
		}
	}
	return found;
}

export function maskValues(text: string, secrets: readonly string[]): string {
	// Longest first, so a secret that contains another is masked whole.
	return [...secrets].sort((a, b) => b.length - a.length).reduce((out, secret) => out.replaceAll(secret, '[redacted]'), text);
}
