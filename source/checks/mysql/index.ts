import {createConnection, type Connection, type RowDataPacket} from 'mysql2/promise';
import {preflightOk, type PreflightReport, type PreflightStep} from '../../domain/preflight.js';
import {checkGrants, REQUIRED_PRIVILEGES} from './grants.js';
import {openSocket, readGreeting, resolveHost, tryTls, type StepResult} from './probe.js';
import {databaseReason, loginReason} from './reasons.js';

// The authentication service's database, checked from this machine, step by step: DNS, TCP, the
// server's greeting (its version), TLS when offered, login with the typed credentials, the database,
// the grants. A failed step skips the ones that depend on it. The password is used for the login only
// and appears in no step: the server's own text, quoted in a reason, is scrubbed of it.

export type MysqlCheckInput = {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
	/** PEM of the CA that signed the server's certificate, when it is not a public one. */
	ca?: string;
	/** Per step; default 5 s. A closed port is refused at once, well under it. */
	timeoutMs?: number;
};

export type MysqlCheckOptions = {
	/** Called as each step ends, so a screen can show progress. */
	onStep?: (step: PreflightStep) => void;
};

const DEFAULT_TIMEOUT_MS = 5000;

export async function checkMysqlDatabase(input: MysqlCheckInput, options: MysqlCheckOptions = {}): Promise<PreflightReport> {
	const started = performance.now();
	const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const target = `${input.user}@${input.host}:${input.port}/${input.database}`;
	const steps: PreflightStep[] = [];
	const record = (id: string, label: string, result: StepResult, since: number): StepResult => {
		const step = {id, label, status: result.status, reason: result.reason, durationMs: Math.round((performance.now() - since) * 10) / 10};
		steps.push(step);
		options.onStep?.(step);
		return result;
	};
	const timed = async (id: string, label: string, body: () => Promise<StepResult>): Promise<StepResult> => {
		const since = performance.now();
		return record(id, label, await body(), since);
	};
	const skipRest = (ids: ReadonlyArray<[string, string]>, why: string): void => {
		for (const [id, label] of ids) record(id, label, {status: 'skip', reason: why}, performance.now());
	};

	const endpoint = `${input.host}:${input.port}`;
	const later: Array<[string, string]> = [
		['tcp', `TCP connect to ${endpoint}`],
		['handshake', 'server greeting'],
		['tls', 'TLS'],
		['login', `login as ${input.user}`],
		['database', `database ${input.database}`],
		['grants', 'privileges the service needs'],
	];
	const finish = (): PreflightReport => ({from: 'this machine', target, steps, ok: preflightOk(steps), durationMs: Math.round(performance.now() - started)});

	if ((await timed('dns', `DNS ${input.host}`, () => resolveHost(input.host, timeoutMs))).status === 'fail') {
		skipRest(later, 'skipped: the host name did not resolve');
		return finish();
	}
	const tcpStarted = performance.now();
	const opened = await openSocket(input.host, input.port, timeoutMs);
	record('tcp', later[0]![1], opened.result, tcpStarted);
	if (!opened.socket) {
		skipRest(later.slice(1), 'skipped: no connection');
		return finish();
	}
	const socket = opened.socket;
	let tlsOk = false;
	try {
		let tlsOffered = false;
		const greeting = await timed('handshake', later[1]![1], async () => {
			try {
				const hello = await readGreeting(socket, timeoutMs);
				if (!hello) return {status: 'fail', reason: `what answers on ${endpoint} is not a MySQL server (is this the database port?)`};
				if (hello.kind === 'error') return {status: 'fail', reason: `the server refused this machine before login (error ${hello.code}: ${hello.message})`};
				tlsOffered = hello.tlsOffered;
				return {status: 'pass', reason: `${hello.product} (${hello.serverVersion})`};
			} catch (error) {
				return {status: 'fail', reason: error instanceof Error ? error.message : String(error)};
			}
		});
		if (greeting.status === 'fail') {
			skipRest(later.slice(2), 'skipped: no MySQL greeting');
			return finish();
		}
		const tls = await timed('tls', 'TLS', async () =>
			tlsOffered
				? tryTls(socket, input.host, input.ca, timeoutMs)
				: {status: 'warn', reason: 'the server does not offer TLS: the connection (and the login) is not encrypted'},
		);
		if (tls.status === 'fail') {
			skipRest(later.slice(3), 'skipped: the credentials are not sent after a failed TLS handshake');
			return finish();
		}
		tlsOk = tls.status === 'pass';
	} finally {
		socket.destroy();
	}
	await loginAndInspect(input, timeoutMs, tlsOk, later.slice(3), timed, skipRest);
	return finish();
}

type Timed = (id: string, label: string, body: () => Promise<StepResult>) => Promise<StepResult>;

async function loginAndInspect(
	input: MysqlCheckInput,
	timeoutMs: number,
	tls: boolean,
	labels: Array<[string, string]>,
	timed: Timed,
	skipRest: (ids: ReadonlyArray<[string, string]>, why: string) => void,
): Promise<void> {
	let connection: Connection | undefined;
	try {
		const login = await timed('login', labels[0]![1], async () => {
			try {
				connection = await createConnection({
					host: input.host,
					port: input.port,
					user: input.user,
					password: input.password,
					connectTimeout: timeoutMs,
					// Verified as in the TLS step: the CA given (or the system's), and the host name.
					...(tls ? {ssl: {rejectUnauthorized: true, verifyIdentity: true, ...(input.ca ? {ca: input.ca} : {})}} : {}),
				});
				return {status: 'pass', reason: `logged in${tls ? ' over TLS' : ''}`};
			} catch (error) {
				return {status: 'fail', reason: loginReason(error, input.user, input.host, input.port, input.password)};
			}
		});
		if (login.status === 'fail' || !connection) {
			skipRest(labels.slice(1), 'skipped: not logged in');
			return;
		}
		const session = connection;
		const database = await timed('database', labels[1]![1], async () => {
			try {
				await session.query({sql: `USE ${session.escapeId(input.database)}`, timeout: timeoutMs});
				return {status: 'pass', reason: `${input.database} exists and ${input.user} can use it`};
			} catch (error) {
				return {status: 'fail', reason: databaseReason(error, input.user, input.database, input.password)};
			}
		});
		if (database.status === 'fail') {
			skipRest(labels.slice(2), 'skipped: the database cannot be used');
			return;
		}
		await timed('grants', labels[2]![1], async () => {
			try {
				const [rows] = await session.query<RowDataPacket[]>({sql: 'SHOW GRANTS', timeout: timeoutMs, rowsAsArray: true});
				const lines = (rows as unknown as string[][]).map(row => String(row[0] ?? ''));
				const verdict = checkGrants(lines, input.database);
				if (verdict.missing.length === 0) return {status: 'pass', reason: `${REQUIRED_PRIVILEGES.join(', ')} on ${input.database}`};
				const roles = verdict.roles.length > 0 ? ` (privileges of the roles ${verdict.roles.join(', ')} are not counted)` : '';
				return {
					status: 'fail',
					reason: `missing on ${input.database}: ${verdict.missing.join(', ')}; the service cannot create its tables${roles}. Grant them: GRANT ${verdict.missing.join(', ')} ON \`${input.database}\`.* TO '${input.user}'@'<the server nodes>'`,
				};
			} catch (error) {
				return {status: 'fail', reason: `SHOW GRANTS failed (${(error as {code?: string}).code ?? 'error'})`};
			}
		});
	} finally {
		await connection?.end().catch(() => connection?.destroy());
	}
}
