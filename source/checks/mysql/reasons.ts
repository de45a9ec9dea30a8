// Errors as an admin reads them. The server's own text is kept only as a hint in parentheses: it is data
// from the network (printable characters only) and never holds the password (the caller scrubs anyway).

type ErrorLike = {code?: string; errno?: number; message?: string; sqlMessage?: string};

const fields = (error: unknown): ErrorLike => (typeof error === 'object' && error !== null ? (error as ErrorLike) : {message: String(error)});

/** The server's text, printable and short; `secret` (the password just sent) is cut out should it echo it. */
const serverText = (error: ErrorLike, secret = ''): string => {
	const text = (error.sqlMessage ?? error.message ?? '').replace(/[^\x20-\x7e]/g, '?');
	return (secret.length > 0 ? text.split(secret).join('***') : text).slice(0, 200);
};

export function networkReason(error: unknown, host: string, port: number): string {
	const {code} = fields(error);
	switch (code) {
		case 'ECONNREFUSED':
			return `refused: nothing listens on ${host}:${port} (is the database running, is the port right?)`;
		case 'ETIMEDOUT':
			return `timeout: ${host}:${port} did not answer (a firewall dropping the packets, or the host is down)`;
		case 'EHOSTUNREACH':
		case 'ENETUNREACH':
			return `no route to ${host} from this machine`;
		case 'ECONNRESET':
		case 'EPIPE':
			return `the server closed the connection (${code})`;
		case 'ENOTFOUND':
			return `unknown host: DNS has no address for ${host}`;
		default:
			return `cannot connect to ${host}:${port} (${code ?? serverText(fields(error))})`;
	}
}

export function tlsReason(authorizationError: string, subject: string, caGiven: boolean): string {
	// --ca-file is the gateway's CA; the database's is check-db's --db-ca-file, or the enable form's field.
	const withCa = caGiven ? 'the CA file given did not sign it' : 'give the CA that signed it: --db-ca-file, or the Database CA file field';
	switch (authorizationError) {
		case 'DEPTH_ZERO_SELF_SIGNED_CERT':
		case 'SELF_SIGNED_CERT_IN_CHAIN':
		case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
		case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
		case 'UNABLE_TO_GET_ISSUER_CERT':
			return `TLS error: the certificate ${subject} is not trusted (${withCa})`;
		case 'CERT_HAS_EXPIRED':
			return `TLS error: the certificate ${subject} has expired`;
		case 'CERT_NOT_YET_VALID':
			return `TLS error: the certificate ${subject} is not valid yet (check the clocks)`;
		default:
			return `TLS error: the certificate ${subject} was rejected (${authorizationError || 'unknown reason'})`;
	}
}

export function loginReason(error: unknown, user: string, host: string, port: number, secret: string): string {
	const details = fields(error);
	switch (details.code) {
		case 'ER_ACCESS_DENIED_ERROR':
		case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
			return `access denied: wrong password for ${user}, no such user, or the account is not allowed from this machine's address or without TLS (${serverText(details, secret)})`;
		case 'ER_HOST_NOT_PRIVILEGED':
			return `the server does not allow ${user} from this machine's address`;
		case 'ER_HOST_IS_BLOCKED':
			return 'this machine is blocked after too many connection errors (the DBA runs FLUSH HOSTS)';
		case 'ER_CON_COUNT_ERROR':
			return 'the server has too many connections';
		case 'ER_ACCOUNT_HAS_BEEN_LOCKED':
			return `the account ${user} is locked`;
		case 'ER_MUST_CHANGE_PASSWORD_LOGIN':
		case 'ER_MUST_CHANGE_PASSWORD':
			return `the password of ${user} has expired: set a new one first`;
		case 'PROTOCOL_SEQUENCE_TIMEOUT':
		case 'ETIMEDOUT':
			return 'timeout: the login did not finish in time';
		default:
			if (details.code?.startsWith('E') && !details.code.startsWith('ER_')) return networkReason(error, host, port);
			return `login failed (${details.code ?? 'error'}: ${serverText(details, secret)})`;
	}
}

export function databaseReason(error: unknown, user: string, database: string, secret: string): string {
	const details = fields(error);
	switch (details.code) {
		case 'ER_BAD_DB_ERROR':
			return `unknown database ${database}: create it first (CREATE DATABASE)`;
		case 'ER_DBACCESS_DENIED_ERROR':
			return `${user} has no privileges on ${database} (or the database does not exist)`;
		default:
			return `cannot use ${database} (${details.code ?? 'error'}: ${serverText(details, secret)})`;
	}
}
