import type {IncomingMessage, ServerResponse} from 'node:http';
import {badRequest, SimHttpError} from './errors.js';

// Body reading and JSON answers. Strict on the way in (content type, size, parse), plain on the way out.

const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > MAX_BODY_BYTES) throw new SimHttpError(413, {errorCode: 'E0000001', errorSummary: 'Request body too large', errorCauses: []});
		chunks.push(buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

export function mediaTypeOf(req: IncomingMessage): string {
	return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The JSON body of a resource request: the content type must say JSON and the body must parse. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
	if (mediaTypeOf(req) !== 'application/json') {
		throw badRequest('The request body must be JSON (Content-Type: application/json).');
	}
	const text = await readBody(req);
	if (text.trim() === '') throw badRequest('The request body is empty; a JSON object is required.');
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw badRequest('The request body could not be parsed as JSON.');
	}
}

export type Reply = {status: number; body?: unknown; headers?: Record<string, string>};

export function sendReply(res: ServerResponse, reply: Reply, malformed = false): void {
	const headers: Record<string, string> = {...reply.headers};
	if (reply.body === undefined) {
		res.writeHead(reply.status, headers);
		res.end();
		return;
	}
	let text = JSON.stringify(reply.body);
	// A fault: a 200 whose body stops half way, as a broken proxy would deliver it.
	if (malformed) text = text.slice(0, Math.max(1, Math.floor(text.length / 2))) + '\u0000{';
	headers['Content-Type'] = 'application/json; charset=utf-8';
	headers['Content-Length'] = String(Buffer.byteLength(text));
	res.writeHead(reply.status, headers);
	res.end(text);
}
