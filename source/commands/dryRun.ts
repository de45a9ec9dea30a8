import type {CommandIo} from './io.js';
import {jsonText, printable} from './output.js';

// `--dry-run` on every mutating command: print what would be sent, send nothing. Write-only secrets
// (DB password and user, bind credentials, tokens) are masked in what is printed.

export type PlannedRequest = {method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; body?: unknown};

const SECRET_KEYS = /^(password|passwd|username|bindCredential|apiToken|secret|token|access_token|client_assertion|privateKey|private_key)$/i;
export const MASK = '[redacted]';

/** A copy with every secret member's value masked (any depth, arrays included). */
export function maskSecrets(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(maskSecrets);
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, member]) => [key, SECRET_KEYS.test(key) && member !== undefined && member !== null ? MASK : maskSecrets(member)]),
	);
}

export function printDryRun(io: CommandIo, json: boolean, requests: readonly PlannedRequest[]): void {
	const shown = requests.map(request => ({
		method: request.method,
		path: request.path,
		...(request.body === undefined ? {} : {body: maskSecrets(request.body)}),
	}));
	if (json) {
		io.stdout.write(`${jsonText({dryRun: true, requests: shown})}\n`);
		return;
	}
	const lines = [`Dry run: ${requests.length === 1 ? 'this request was' : `these ${requests.length} requests were`} not sent.`];
	for (const request of shown) {
		lines.push(`${request.method} ${request.path}`);
		if (request.body !== undefined) lines.push(JSON.stringify(request.body, null, 2));
	}
	io.stdout.write(`${printable(lines.join('\n'))}\n`);
}
