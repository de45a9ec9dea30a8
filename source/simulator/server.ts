import type {IncomingMessage, ServerResponse} from 'node:http';
import {paths} from '../api/schemas/paths.js';
import {authenticate, requireScope} from './authorize.js';
import type {RouteContext, Simulator} from './context.js';
import {internalError, rateLimited, SimHttpError} from './errors.js';
import {readJsonBody, sendReply, type Reply} from './http.js';
import {Router} from './router.js';
import {resourceRoutes} from './routes/index.js';
import {handleTokenRequest} from './tokenEndpoint.js';

// The request pipeline: count, delay, authenticate, route, rate-limit, inject faults, handle, answer.
// Faults other than latency spare the token endpoint so a client can always get a token.

const router = new Router(resourceRoutes);
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function routeKey(method: string, pathname: string): string {
	if (pathname === paths.token) return `${method} ${paths.token}`;
	return `${method} ${router.templateOf(pathname) ?? '(unknown)'}`;
}

function logLine(req: IncomingMessage, status: number, startedMs: number): void {
	if (process.env.OAG_SIM_LOG !== '1') return;
	// Path only: query strings and headers could carry secrets.
	const path = (req.url ?? '').split('?')[0];
	process.stderr.write(`[oag-sim] ${req.method} ${path} ${status} ${Date.now() - startedMs}ms\n`);
}

async function resourceReply(req: IncomingMessage, sim: Simulator, pathname: string): Promise<Reply | 'reset'> {
	const nowMs = Date.now();
	// Authenticate first: without a valid bearer every path and method is 401, so an unauthenticated
	// caller learns nothing about which routes exist. Authenticated callers get 404/405 from the router.
	const principal = await authenticate(req, sim, nowMs);
	const {route, params} = router.match(req.method ?? 'GET', pathname);
	requireScope(principal, route.scope);
	const retryAfter = sim.faults.rateLimit(principal.clientId, nowMs);
	if (retryAfter !== undefined) throw rateLimited(retryAfter);
	const fault = sim.faults.decide(pathname);
	if (fault === 'reset') return 'reset';
	if (fault === 'error') throw internalError();

	let bodyPromise: Promise<unknown> | undefined;
	const ctx: RouteContext = {sim, req, params, nowMs, body: () => (bodyPromise ??= readJsonBody(req))};
	return route.handle(ctx);
}

export function createRequestHandler(sim: Simulator) {
	return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const startedMs = Date.now();
		const pathname = new URL(req.url ?? '/', 'http://simulator').pathname;
		sim.counters.begin(routeKey(req.method ?? 'GET', pathname));
		res.on('close', () => sim.counters.end());
		let reply: Reply;
		let malformed = false;
		try {
			if (sim.faults.latencyMs > 0) await sleep(sim.faults.latencyMs);
			if (pathname === paths.token) {
				reply = await handleTokenRequest(req, sim, Date.now());
			} else {
				const result = await resourceReply(req, sim, pathname);
				if (result === 'reset') {
					logLine(req, 0, startedMs);
					req.socket.destroy();
					return;
				}
				reply = result;
				malformed = reply.status === 200 && reply.body !== undefined && sim.faults.malformed(pathname);
			}
		} catch (error) {
			if (error instanceof SimHttpError) {
				reply = {status: error.status, body: error.body, headers: error.headers};
			} else {
				process.stderr.write(`[oag-sim] internal error on ${req.method} ${pathname}: ${error instanceof Error ? error.message : 'unknown'}\n`);
				const failure = internalError();
				reply = {status: failure.status, body: failure.body};
			}
		}
		// Unread request bodies (e.g. a 401 before the body was needed) must be drained for keep-alive.
		req.resume();
		sendReply(res, reply, malformed);
		logLine(req, reply.status, startedMs);
	};
}
