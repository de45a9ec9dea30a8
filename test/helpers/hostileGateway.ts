import {createServer as createHttpServer, request, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {createServer as createHttpsServer} from 'node:https';
import type {AddressInfo, Socket} from 'node:net';
import {generateTlsMaterial} from '../../source/simulator/tls.js';

// A hostile gateway for tests: a loopback proxy (plain HTTP or HTTPS with its own CA) in front of a
// plain-HTTP simulator that answers like a gateway an attacker controls, or a broken one. Each behaviour is
// switched on at run time with set(); with none, it forwards faithfully (so logins and token requests work).
//
//  escapes      every string of a JSON answer, except ids and tokens, gets terminal control sequences:
//               OSC 52 (clipboard write), OSC 0 (window title), CSI, C1 CSI, bare CR, backspace, BEL, bidi
//               override; ids stay usable so that follow-up requests still work.
//  echoSecrets  a request with a JSON body is refused with 400 whose every field echoes every string the
//               request sent, raw, JSON-escaped, URL-encoded, base64, and inside a Basic credential.
//  rateLimit    every resource request is answered 429 with this Retry-After (a 429 storm).
//  hugeBodyBytes  every resource GET is answered with a valid JSON array of about this many bytes.
//  endlessBody  every resource GET is answered 200 with a body that never ends.

export type HostileBehaviour = {
	escapes?: boolean;
	echoSecrets?: boolean;
	rateLimit?: {retryAfter: string};
	hugeBodyBytes?: number;
	endlessBody?: boolean;
};

export type HostileGateway = {
	url: string;
	/** The CA that signed the HTTPS certificate (undefined for plain HTTP). */
	caPem?: string;
	set(behaviour: HostileBehaviour): void;
	/** Requests seen, and bytes written in endless or huge bodies. */
	counters(): {requests: number; streamedBytes: number};
	close(): Promise<void>;
};

export const TERMINAL_ATTACK = '\u001b]52;c;cHduZWQ=\u0007\u001b]0;pwned\u0007\u001b[2J\u001b[31m\u009b32m\r\bX\u0007\u202eevil\u202c';

const KEEP_INTACT = /^(id|.*Id|access_token|token_type|expires_in|scope)$/;

const readBody = async (stream: IncomingMessage): Promise<Buffer> => {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
	return Buffer.concat(chunks);
};

function poison(value: unknown, key = ''): unknown {
	if (typeof value === 'string') return KEEP_INTACT.test(key) ? value : `${value}${TERMINAL_ATTACK}`;
	if (Array.isArray(value)) return value.map((item) => poison(item, key));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, poison(item, name)]));
	}
	return value;
}

function stringsIn(value: unknown, found: string[] = []): string[] {
	if (typeof value === 'string') found.push(value);
	else if (Array.isArray(value)) for (const item of value) stringsIn(item, found);
	else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, found);
	return found;
}

function echoBody(sent: unknown): string {
	const echoes = stringsIn(sent).flatMap((value) => [
		value,
		JSON.stringify(value).slice(1, -1),
		encodeURIComponent(value),
		new URLSearchParams({v: value}).toString().slice(2),
		Buffer.from(value).toString('base64'),
		Buffer.from(`admin:${value}`).toString('base64'),
	]);
	const all = echoes.join(' ');
	return JSON.stringify({
		errorCode: 'E0000001',
		errorSummary: `Api validation failed: ${all}`,
		errorCauses: echoes.map((echo, index) => ({field: `field${index} ${echo}`, errorSummary: `rejected value ${echo}`})),
		error_description: all,
		debug: {request: JSON.stringify(sent), query: new URLSearchParams({body: JSON.stringify(sent)}).toString()},
	});
}

export async function startHostileGateway(upstream: string, options: {tls?: boolean} = {}): Promise<HostileGateway> {
	const target = new URL(upstream);
	let behaviour: HostileBehaviour = {};
	let requests = 0;
	let streamedBytes = 0;
	const sockets = new Set<Socket>();

	const handle = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
		requests++;
		const body = await readBody(incoming);
		const isToken = incoming.url?.includes('/oauth/token') ?? false;
		if (!isToken && behaviour.rateLimit) {
			outgoing.writeHead(429, {'content-type': 'application/json', 'retry-after': behaviour.rateLimit.retryAfter});
			outgoing.end(JSON.stringify({errorCode: 'E0000047', errorSummary: `API call exceeded rate limit${TERMINAL_ATTACK}`, errorCauses: []}));
			return;
		}
		if (!isToken && incoming.method === 'GET' && behaviour.endlessBody) {
			outgoing.writeHead(200, {'content-type': 'application/json'});
			const chunk = Buffer.from(`"${'x'.repeat(16 * 1024)}",`);
			outgoing.write('[');
			const pump = (): void => {
				while (!outgoing.destroyed && outgoing.write(chunk)) streamedBytes += chunk.length;
				if (!outgoing.destroyed) outgoing.once('drain', pump);
			};
			pump();
			return;
		}
		if (!isToken && incoming.method === 'GET' && behaviour.hugeBodyBytes) {
			const item = `"${'y'.repeat(1022)}"`;
			const count = Math.ceil(behaviour.hugeBodyBytes / (item.length + 1));
			const text = `[${Array.from({length: count}, () => item).join(',')}]`;
			streamedBytes += text.length;
			outgoing.writeHead(200, {'content-type': 'application/json'});
			outgoing.end(text);
			return;
		}
		if (!isToken && behaviour.echoSecrets && body.length > 0) {
			let sent: unknown;
			try {
				sent = JSON.parse(body.toString('utf8'));
			} catch {
				sent = body.toString('utf8');
			}
			outgoing.writeHead(400, {'content-type': 'application/json'});
			outgoing.end(echoBody(sent));
			return;
		}
		const upstreamRequest = request(
			{hostname: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers},
			async (response) => {
				let answer = await readBody(response);
				const headers = {...response.headers};
				if (!isToken && behaviour.escapes && /json/.test(String(response.headers['content-type'] ?? ''))) {
					try {
						answer = Buffer.from(JSON.stringify(poison(JSON.parse(answer.toString('utf8')))));
						delete headers['content-length'];
					} catch {
						// not JSON after all: forwarded as is
					}
				}
				outgoing.writeHead(response.statusCode ?? 502, headers);
				outgoing.end(answer);
			},
		);
		upstreamRequest.on('error', () => outgoing.destroy());
		upstreamRequest.end(body);
	};

	const listener = (incoming: IncomingMessage, outgoing: ServerResponse): void => {
		handle(incoming, outgoing).catch(() => outgoing.destroy());
	};
	let caPem: string | undefined;
	let server: Server;
	if (options.tls) {
		const material = await generateTlsMaterial();
		caPem = material.caPem;
		server = createHttpsServer({cert: material.certPem, key: material.keyPem}, listener);
	} else {
		server = createHttpServer(listener);
	}
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
		...(caPem ? {caPem} : {}),
		set: (next) => {
			behaviour = next;
		},
		counters: () => ({requests, streamedBytes}),
		close: () =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
