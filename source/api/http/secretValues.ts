// Masking by value: the secrets a request carried (DB credentials, bind credentials) are known exactly,
// so any echo of them in the gateway's answer is replaced, whatever the wording around it and however the
// gateway encoded it: as is, JSON-escaped (once or twice, or with \uXXXX escapes), URL-encoded (component
// or form style, either hex case), or base64 (standard or URL-safe, at any byte alignment, so that a
// secret inside a larger encoded value such as a Basic credential is caught too). Pattern rules (redact.ts)
// cannot catch "connect as oag with password Hunter2" prose; this can.

const SECRET_KEYS = /^(password|username|bindCredential|apiToken|client_assertion|secret)$/i;
/** Shorter values are too likely to be ordinary words to replace everywhere. */
const MIN_LENGTH = 3;
/** A base64 run this short could match unrelated text by chance. */
const MIN_BASE64_CORE = 4;
export const MASK = '[redacted]';

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

const jsonEscaped = (text: string): string => JSON.stringify(text).slice(1, -1);
const asciiJsonEscaped = (text: string, upper: boolean): string =>
	jsonEscaped(text).replace(/[^\u0000-\u007f]/g, (char) => {
		const hex = char.charCodeAt(0).toString(16).padStart(4, '0');
		return `\\u${upper ? hex.toUpperCase() : hex}`;
	});
const lowerHexEscapes = (text: string): string => text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());

/**
 * The parts of base64 that depend only on the secret's bytes, for each of the three alignments the secret
 * can have inside a longer encoded value.
 */
function base64Cores(secret: string): string[] {
	const bytes = Buffer.from(secret, 'utf8');
	const cores: string[] = [];
	for (let offset = 0; offset < 3; offset++) {
		const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
		const start = Math.ceil((8 * offset) / 6);
		const end = Math.floor((8 * (offset + bytes.length)) / 6);
		cores.push(encoded.slice(start, end));
	}
	// Aligned and on its own, with its padding: the whole encoding.
	cores.push(bytes.toString('base64'));
	return cores.flatMap((core) => [core, core.replace(/\+/g, '-').replace(/\//g, '_')]).filter((core) => core.replace(/=+$/, '').length >= MIN_BASE64_CORE);
}

/** Every form in which a gateway might echo the secret. */
export function echoForms(secret: string): string[] {
	const json = jsonEscaped(secret);
	const component = encodeURIComponent(secret);
	const form = new URLSearchParams({x: secret}).toString().slice(2);
	const forms = [
		secret,
		json,
		jsonEscaped(json),
		asciiJsonEscaped(secret, false),
		asciiJsonEscaped(secret, true),
		component,
		lowerHexEscapes(component),
		component.replace(/%20/g, '+'),
		form,
		lowerHexEscapes(form),
		encodeURI(secret),
		...base64Cores(secret),
	];
	return [...new Set(forms)].filter((value) => value.length >= MIN_LENGTH);
}

/** The text with every echoed form of every secret replaced by the mask, longest first. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
	if (secrets.length === 0) return text;
	const forms = [...new Set(secrets.flatMap(echoForms))].sort((a, b) => b.length - a.length);
	return forms.reduce((out, form) => (out.includes(form) ? out.replaceAll(form, MASK) : out), text);
}

/** A parsed JSON value with the secrets masked in every string, keys included. */
export function maskDeep(value: unknown, secrets: readonly string[]): unknown {
	if (secrets.length === 0) return value;
	if (typeof value === 'string') return maskSecrets(value, secrets);
	if (Array.isArray(value)) return value.map((item) => maskDeep(item, secrets));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [maskSecrets(key, secrets), maskDeep(item, secrets)]));
	}
	return value;
}

