import {fetch, type Agent} from 'undici';
import type {RunningSimulator, SimulatorOptions} from '../../source/simulator/types.js';
import {DIRECTORY_PRESETS} from '../../source/domain/directoryPresets.js';
import {HEALTH_POLICY_DEFAULTS} from '../../source/domain/healthPolicy.js';
import {dispatcherFor, startTestSimulator, tokenFor} from '../helpers/simulator.js';

// A raw HTTP fixture for the simulator tests: every answer keeps its status, headers and exact text,
// so tests can grep bodies for secrets and check codes without any client logic in between.

export type RawReply = {status: number; headers: Headers; text: string; json: any};

export type SimFixture = {
	sim: RunningSimulator;
	dispatcher: Agent;
	token: string;
	call(method: string, path: string, body?: unknown, options?: {token?: string | null; contentType?: string; rawBody?: string}): Promise<RawReply>;
	close(): Promise<void>;
};

export async function openSim(options: SimulatorOptions = {}): Promise<SimFixture> {
	const sim = await startTestSimulator(options);
	const dispatcher = dispatcherFor(sim);
	const token = options.directBearerOnly ? '' : await tokenFor(sim, dispatcher);
	const fixture: SimFixture = {
		sim,
		dispatcher,
		token,
		async call(method, path, body, callOptions = {}) {
			const headers: Record<string, string> = {};
			const bearer = callOptions.token === undefined ? fixture.token : callOptions.token;
			if (bearer) headers.authorization = `Bearer ${bearer}`;
			let payload: string | undefined = callOptions.rawBody;
			if (body !== undefined) payload = JSON.stringify(body);
			if (payload !== undefined) headers['content-type'] = callOptions.contentType ?? 'application/json';
			const response = await fetch(`${sim.url}${path}`, {method, headers, body: payload, dispatcher});
			const text = await response.text();
			let json: unknown;
			try {
				json = text ? JSON.parse(text) : undefined;
			} catch {
				json = undefined;
			}
			return {status: response.status, headers: response.headers as unknown as Headers, text, json};
		},
		async close() {
			await dispatcher.close();
			await sim.close();
		},
	};
	return fixture;
}

export const validHealthPolicy = {...HEALTH_POLICY_DEFAULTS};

export const validDirectory = (connectionUrl = 'ldap://127.0.0.1:389', bindCredential = 'S3cret-bind-pw!') => ({
	type: 'OPEN_LDAP',
	connection: {connectionUrl, bindDn: 'cn=reader,dc=example,dc=com', bindCredential},
	config: DIRECTORY_PRESETS.OPEN_LDAP.config('dc=example,dc=com'),
});

export const validEnable = (certificateId: string) => ({
	serverNodes: ['oag-node-1.example.com'],
	database: {type: 'mysql', host: 'db.example.com', port: 3306, name: 'oagofflinemode', username: 'dbuser-write-only', password: 'Db-Passw0rd-write-only'},
	publicDomain: 'offline.example.com',
	certificateId,
});
