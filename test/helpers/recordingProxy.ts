import {createServer, request, type IncomingMessage} from 'node:http';
import type {AddressInfo} from 'node:net';

// A loopback HTTP proxy in front of a plain-HTTP simulator that writes down every credential that crosses
// it (bearer tokens, client assertions, issued access tokens), so a leak test knows the secrets the CLI
// used without asking the CLI. The Host header is forwarded unchanged, so aud checks still hold.

/** A request as it crossed the proxy (its body as text), so a test can see what the client really sent. */
export type RecordedRequest = {method: string; url: string; body: string};

export type RecordingProxy = {url: string; secrets: Set<string>; requests: RecordedRequest[]; close(): Promise<void>};

const readBody = async (stream: IncomingMessage): Promise<Buffer> => {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
	return Buffer.concat(chunks);
};

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
	const targetUrl = new URL(target);
	const secrets = new Set<string>();
	const requests: RecordedRequest[] = [];
	const remember = (value: string | undefined | null): void => {
		if (!value) return;
		secrets.add(value);
		// A JWT's signature alone is secret-equivalent too.
		const parts = value.split('.');
		if (parts.length === 3 && parts[2]) secrets.add(parts[2]);
	};
	const server = createServer(async (incoming, outgoing) => {
		const body = await readBody(incoming);
		requests.push({method: incoming.method ?? '', url: incoming.url ?? '', body: body.toString('utf8')});
		remember(incoming.headers.authorization?.replace(/^Bearer\s+/i, ''));
		if (incoming.url?.includes('/oauth/token')) remember(new URLSearchParams(body.toString('utf8')).get('client_assertion'));
		const upstream = request(
			{hostname: targetUrl.hostname, port: targetUrl.port, path: incoming.url, method: incoming.method, headers: incoming.headers},
			async (response) => {
				const answer = await readBody(response);
				if (incoming.url?.includes('/oauth/token')) {
					try {
						remember((JSON.parse(answer.toString('utf8')) as {access_token?: string}).access_token);
					} catch {
						// not JSON (an error body): nothing issued
					}
				}
				outgoing.writeHead(response.statusCode ?? 502, response.headers);
				outgoing.end(answer);
			},
		);
		upstream.on('error', () => outgoing.destroy());
		upstream.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		secrets,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
