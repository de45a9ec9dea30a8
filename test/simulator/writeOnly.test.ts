import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openSim, validDirectory, type SimFixture} from './support.js';

// Write-only fields (bindCredential, database username/password) must never leave the simulator:
// after writing them, every readable route is fetched and its raw body grepped.

const BIND_SECRET = 'bind-secret-7f3a9c';
let f: SimFixture;
beforeAll(async () => {
	f = await openSim({idps: 2, apps: 4});
});
afterAll(async () => f?.close());

describe('write-only fields', () => {
	it('never appear in any GET body', async () => {
		const idps = (await f.call('GET', '/api/v2/idps')).json as Array<{id: string}>;
		const apps = (await f.call('GET', '/api/v2/apps')).json as Array<{id: string}>;
		for (const idp of idps) {
			expect((await f.call('POST', `/api/v2/idps/${idp.id}/offline-mode/directories`, validDirectory('ldap://127.0.0.1:389', BIND_SECRET))).status).toBe(201);
		}
		const paths = [
			'/api/v2/certificates',
			'/api/v2/idps',
			'/api/v2/apps',
			'/api/v2/settings/authentication-service',
			'/api/v2/settings/authentication-service/health-check',
			'/api/v2/settings/authentication-service/certificates',
			...idps.flatMap(idp => ['', '/health-policy', '/directories', '/access-policies'].map(p => `/api/v2/idps/${idp.id}/offline-mode${p}`)),
			...apps.flatMap(app => ['', '/group-policy', '/access-policy'].map(p => `/api/v2/apps/${app.id}/offline-mode${p}`)),
		];
		for (const idp of idps) {
			for (const directory of (await f.call('GET', `/api/v2/idps/${idp.id}/offline-mode/directories`)).json as Array<{id: string}>) {
				paths.push(`/api/v2/idps/${idp.id}/offline-mode/directories/${directory.id}`);
			}
		}
		for (const path of paths) {
			const reply = await f.call('GET', path);
			expect(reply.status, path).toBe(200);
			// As JSON keys: the words also occur legitimately (usernameLDAPAttribute, the password authenticator).
			expect(reply.text, path).not.toMatch(/"(bindCredential|password|username)"\s*:/);
			expect(reply.text, path).not.toMatch(/seeded-|bind-secret/);
		}
	});
});
