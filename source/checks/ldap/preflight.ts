import {performance} from 'node:perf_hooks';
import {connect as tlsConnect, type TLSSocket} from 'node:tls';
import {Client} from 'ldapts';
import {connectTcp, handshake, parseLdapUrl, resolveHost, StepFailure, tlsFacts, tlsOptionsFor, type LdapEndpoint, type TlsFacts} from './network.js';
import {bindReason, messageOf, startTlsReason} from './reasons.js';
import {searchGroups, searchUsers} from './searches.js';
import {STEP_TITLES, type CheckStep, type LdapCheckOptions, type LdapCheckReport, type LdapCheckTarget, type StepId, type StepStatus} from './types.js';

// The local pre-flight of a directory, run from this machine before the gateway's hourly sync would
// find the problem: DNS -> TCP -> TLS (ldaps:// or StartTLS, certificate verified) -> bind -> the user
// search -> the group search. A failed step skips the rest, each with its reason and its time.
// The bind credential goes to the bind and nowhere else; every reason is scrubbed of it all the same.

const DEFAULT_TIMEOUT_MS = 5000;
const ORDER: StepId[] = ['dns', 'tcp', 'tls', 'bind', 'users', 'groups'];

type StepResult = Omit<CheckStep, 'id' | 'title' | 'ms'>;

const tlsText = (facts: TlsFacts, how: string): string =>
	`${how}: ${facts.protocol}, certificate for ${facts.subject} from ${facts.issuer}, valid until ${facts.validTo}`;

export async function checkLdapDirectory(target: LdapCheckTarget, options: LdapCheckOptions = {}): Promise<LdapCheckReport> {
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const samples = options.samples ?? 3;
	const maxCount = options.maxCount ?? 10_000;
	const secret = target.bindCredential;
	const scrub = (text: string): string => (secret.length > 0 ? text.replaceAll(secret, '***') : text);
	const steps: CheckStep[] = [];
	let stopped: string | undefined;

	const step = async (id: StepId, work: () => Promise<StepResult>): Promise<void> => {
		if (stopped !== undefined) {
			steps.push({id, title: STEP_TITLES[id], status: 'skip', reason: `not run: ${stopped} failed`, ms: 0});
			return;
		}
		const started = performance.now();
		let result: StepResult;
		try {
			result = await work();
		} catch (error) {
			result = {status: 'fail', reason: error instanceof StepFailure ? error.message : messageOf(error)};
		}
		const ms = Math.round(performance.now() - started);
		steps.push({...result, reason: scrub(result.reason), id, title: STEP_TITLES[id], ms});
		if (result.status === 'fail') stopped = STEP_TITLES[id];
	};

	const endpoint = parseLdapUrl(target.connectionUrl);
	if (!endpoint) {
		steps.push({id: 'dns', title: STEP_TITLES.dns, status: 'fail', reason: 'connectionUrl must be ldap://host[:port] or ldaps://host[:port]', ms: 0});
		stopped = 'the URL';
		for (const id of ORDER.slice(1)) await step(id, async () => ({status: 'skip', reason: ''}));
		return {ok: false, steps};
	}

	let address = endpoint.host;
	await step('dns', async () => {
		const {addresses, literal} = await resolveHost(endpoint.host, timeoutMs);
		address = addresses[0]!;
		return {status: 'pass', reason: literal ? `${endpoint.host} is an address, no lookup needed` : `${endpoint.host} is ${addresses.join(', ')}`};
	});
	await step('tcp', async () => {
		await connectTcp(address, endpoint.port, timeoutMs);
		return {status: 'pass', reason: `port ${endpoint.port} on ${address} accepts connections`};
	});

	let tlsSocket: TLSSocket | undefined;
	const client = new Client({
		url: target.connectionUrl.trim(),
		timeout: timeoutMs,
		connectTimeout: timeoutMs,
		// ldapts treats any tlsOptions as "speak TLS at once", so only ldaps:// gets them here.
		...(endpoint.secure ? {tlsOptions: tlsOptionsFor(endpoint.host, options.caPem)} : {}),
		// Seen for StartTLS: the upgraded socket, to report what was negotiated.
		// ldaps:// calls it as (port, host, options), StartTLS as (options): pass everything through.
		createSecureConnection: ((...args: Parameters<typeof tlsConnect>) => (tlsSocket = tlsConnect(...args))) as typeof tlsConnect,
	});
	try {
		await step('tls', () => tlsStep(client, endpoint, address, options, timeoutMs, () => tlsSocket));
		await step('bind', async () => {
			if (target.bindCredential.length === 0) return {status: 'fail', reason: 'no bind credential given (an empty password binds anonymously)'};
			try {
				await client.bind(target.bindDn, target.bindCredential);
			} catch (error) {
				return {status: 'fail', reason: bindReason(error, target.bindDn)};
			}
			return {status: 'pass', reason: `bound as ${target.bindDn}`};
		});
		await step('users', async () => {
			const found = await searchUsers(client, target, samples, maxCount);
			return {status: found.status, reason: found.reason, users: {count: found.count, samples: found.samples}};
		});
		await step('groups', async () => {
			const found = await searchGroups(client, target, samples, maxCount);
			return {status: found.status, reason: found.reason, groups: {count: found.count, samples: found.samples}};
		});
	} finally {
		await client.unbind().catch(() => undefined);
	}
	return {ok: steps.every(s => s.status !== 'fail'), steps};
}

async function tlsStep(
	client: Client,
	endpoint: LdapEndpoint,
	address: string,
	options: LdapCheckOptions,
	timeoutMs: number,
	upgraded: () => TLSSocket | undefined,
): Promise<StepResult> {
	if (endpoint.secure) return {status: 'pass', reason: tlsText(await handshake(endpoint, address, options.caPem, timeoutMs), 'ldaps')};
	if (!options.startTls) {
		const status: StepStatus = 'warn';
		return {status, reason: 'plain ldap:// without StartTLS: the bind credential would cross the network unencrypted (use ldaps:// or StartTLS)'};
	}
	try {
		await client.startTLS(tlsOptionsFor(endpoint.host, options.caPem));
	} catch (error) {
		return {status: 'fail', reason: startTlsReason(error, endpoint.host, timeoutMs)};
	}
	const socket = upgraded();
	return {status: 'pass', reason: socket ? tlsText(tlsFacts(socket), 'StartTLS') : 'StartTLS: upgraded'};
}
