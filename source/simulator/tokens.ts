import {randomBytes} from 'node:crypto';
import type {Scope} from '../api/schemas/scopes.js';

// Access tokens are opaque random strings kept server-side: the client must treat them as opaque too.

export type TokenGrant = {clientId: string; scopes: Scope[]; expiresAtMs: number};

export class TokenStore {
	private readonly tokens = new Map<string, TokenGrant>();
	/** jti -> exp (ms) of assertions already exchanged, so a replayed assertion is refused. */
	private readonly usedAssertions = new Map<string, number>();

	mint(clientId: string, scopes: Scope[], ttlSeconds: number, nowMs: number): string {
		this.prune(nowMs);
		const token = randomBytes(32).toString('base64url');
		this.tokens.set(token, {clientId, scopes, expiresAtMs: nowMs + ttlSeconds * 1000});
		return token;
	}

	lookup(token: string, nowMs: number): TokenGrant | undefined {
		const grant = this.tokens.get(token);
		if (!grant) return undefined;
		if (grant.expiresAtMs <= nowMs) {
			this.tokens.delete(token);
			return undefined;
		}
		return grant;
	}

	/** True the first time a (client, jti) pair is seen while it is still valid. */
	claimAssertion(clientId: string, jti: string, expSeconds: number, nowMs: number): boolean {
		const key = `${clientId} ${jti}`;
		const seen = this.usedAssertions.get(key);
		if (seen !== undefined && seen > nowMs) return false;
		this.usedAssertions.set(key, expSeconds * 1000);
		return true;
	}

	revokeAll(): void {
		this.tokens.clear();
	}

	private prune(nowMs: number): void {
		// Cheap enough at simulator volumes; keeps memory flat under long benchmark runs.
		if (this.tokens.size > 1000) for (const [t, g] of this.tokens) if (g.expiresAtMs <= nowMs) this.tokens.delete(t);
		if (this.usedAssertions.size > 1000) for (const [k, exp] of this.usedAssertions) if (exp <= nowMs) this.usedAssertions.delete(k);
	}
}
