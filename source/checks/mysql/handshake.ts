// The first packet a MySQL/MariaDB server sends (protocol v10 handshake), read by hand so the pre-flight
// can report the server version and whether TLS is offered before any credential is sent.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_handshake_v10.html

export const CLIENT_LONG_PASSWORD = 0x1;
export const CLIENT_PROTOCOL_41 = 0x200;
export const CLIENT_SSL = 0x800;
export const CLIENT_SECURE_CONNECTION = 0x8000;

export type ServerHandshake =
	| {kind: 'handshake'; serverVersion: string; product: string; connectionId: number; tlsOffered: boolean}
	| {kind: 'error'; code: number; message: string};

/** A whole packet: 3-byte little-endian length and a sequence byte, then the payload. */
export function packetPayload(buffer: Buffer): Buffer | undefined {
	if (buffer.length < 4) return undefined;
	const length = buffer.readUIntLE(0, 3);
	return buffer.length >= 4 + length ? buffer.subarray(4, 4 + length) : undefined;
}

/** "5.5.5-10.11.6-MariaDB-0+deb12u1" -> "MariaDB 10.11.6" (MariaDB prefixes 5.5.5- for old clients). */
export function productOf(version: string): string {
	const mariadb = /^(?:5\.5\.5-)?(\d+\.\d+\.\d+)-MariaDB/i.exec(version);
	if (mariadb) return `MariaDB ${mariadb[1]}`;
	const plain = /^(\d+\.\d+\.\d+)/.exec(version);
	return plain ? `MySQL ${plain[1]}` : version;
}

// Printable ASCII only: the version string comes from whatever listens on the port.
const printable = (text: string): string => text.replace(/[^\x20-\x7e]/g, '?').slice(0, 120);

export function parseHandshake(payload: Buffer): ServerHandshake | undefined {
	if (payload.length === 0) return undefined;
	if (payload[0] === 0xff && payload.length >= 3) {
		// An error instead of a greeting: host not allowed (1130), blocked (1129), too many connections (1040).
		const code = payload.readUInt16LE(1);
		const text = payload.subarray(3).toString('utf8').replace(/^#[0-9A-Z]{5}/, '');
		return {kind: 'error', code, message: printable(text)};
	}
	if (payload[0] !== 10) return undefined;
	const end = payload.indexOf(0, 1);
	if (end < 0 || payload.length < end + 1 + 4 + 8 + 1 + 2) return undefined;
	const serverVersion = printable(payload.subarray(1, end).toString('latin1'));
	const connectionId = payload.readUInt32LE(end + 1);
	const capabilitiesLow = payload.readUInt16LE(end + 1 + 4 + 8 + 1);
	return {kind: 'handshake', serverVersion, product: productOf(serverVersion), connectionId, tlsOffered: (capabilitiesLow & CLIENT_SSL) !== 0};
}

/** The SSLRequest the client sends (sequence 1) before upgrading the socket to TLS. */
export function sslRequestPacket(): Buffer {
	const payload = Buffer.alloc(32);
	payload.writeUInt32LE(CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SSL | CLIENT_SECURE_CONNECTION, 0);
	payload.writeUInt32LE(16 * 1024 * 1024, 4);
	payload[8] = 45; // utf8mb4_general_ci
	const header = Buffer.alloc(4);
	header.writeUIntLE(payload.length, 0, 3);
	header[3] = 1;
	return Buffer.concat([header, payload]);
}
