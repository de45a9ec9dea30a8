import net from 'node:net';
import tls from 'node:tls';

// A loopback LDAP server that understands just enough BER to answer simple binds: success for the one
// DN/password pair it knows, invalidCredentials (49) otherwise. The simulator's test-directory-connection
// performs a real bind, and this keeps the API client's tests free of a slapd dependency.

type Tlv = {tag: number; value: Buffer; end: number};

function readTlv(buffer: Buffer, offset: number): Tlv | undefined {
	if (offset + 2 > buffer.length) return undefined;
	const tag = buffer[offset]!;
	let length = buffer[offset + 1]!;
	let start = offset + 2;
	if (length & 0x80) {
		const octets = length & 0x7f;
		if (start + octets > buffer.length) return undefined;
		length = 0;
		for (let i = 0; i < octets; i++) length = length * 256 + buffer[start + i]!;
		start += octets;
	}
	if (start + length > buffer.length) return undefined;
	return {tag, value: buffer.subarray(start, start + length), end: start + length};
}

function children(value: Buffer): Tlv[] {
	const out: Tlv[] = [];
	for (let offset = 0; offset < value.length; ) {
		const tlv = readTlv(value, offset);
		if (!tlv) break;
		out.push(tlv);
		offset = tlv.end;
	}
	return out;
}

function bindResponse(messageId: Buffer, resultCode: number): Buffer {
	const op = Buffer.from([0x61, 0x07, 0x0a, 0x01, resultCode, 0x04, 0x00, 0x04, 0x00]);
	const id = Buffer.concat([Buffer.from([0x02, messageId.length]), messageId]);
	return Buffer.concat([Buffer.from([0x30, id.length + op.length]), id, op]);
}

export type FakeLdap = {url: string; binds: number; close(): Promise<void>};

/** With `tlsMaterial` it speaks LDAPS (ldaps://), else plain LDAP (ldap://). */
export async function startFakeLdap(
	bindDn: string,
	password: string,
	tlsMaterial?: {certPem: string; keyPem: string},
): Promise<FakeLdap> {
	const sockets = new Set<net.Socket>();
	const state = {binds: 0};
	const onConnection = (socket: net.Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => {});
		let pending = Buffer.alloc(0);
		socket.on('data', (chunk) => {
			pending = Buffer.concat([pending, chunk]);
			for (let message = readTlv(pending, 0); message; message = readTlv(pending, 0)) {
				pending = pending.subarray(message.end);
				const [id, op] = children(message.value);
				if (!id || !op) continue;
				if (op.tag === 0x42) {
					socket.end(); // unbind
					continue;
				}
				if (op.tag !== 0x60) continue;
				state.binds++;
				const [, name, auth] = children(op.value);
				const ok = name?.value.toString() === bindDn && auth?.tag === 0x80 && auth.value.toString() === password;
				socket.write(bindResponse(id.value, ok ? 0 : 49));
			}
		});
	};
	const server = tlsMaterial
		? tls.createServer({cert: tlsMaterial.certPem, key: tlsMaterial.keyPem}, onConnection)
		: net.createServer(onConnection);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	return {
		url: `${tlsMaterial ? 'ldaps' : 'ldap'}://127.0.0.1:${port}`,
		get binds() {
			return state.binds;
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
