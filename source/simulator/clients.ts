import {generateKeyPair, randomUUID, type KeyObject} from 'node:crypto';
import {promisify} from 'node:util';
import type {Scope} from '../api/schemas/scopes.js';
import type {RegisteredClient} from './types.js';

// API clients as the gateway knows them after "enable the API" in its admin UI: a client id, the public
// half of the key pair, and the scopes picked at enable time. The private key is handed out once.

export type ClientAlgorithm = 'RS256' | 'ES256';

export type ClientRecord = {
	clientId: string;
	alg: ClientAlgorithm;
	publicKey: KeyObject;
	scopes: Scope[];
};

const generate = promisify(generateKeyPair);

async function generateKeys(alg: ClientAlgorithm): Promise<{publicKey: KeyObject; privateKeyPem: string}> {
	const pair =
		alg === 'RS256'
			? await generate('rsa', {modulusLength: 2048})
			: await generate('ec', {namedCurve: 'P-256'});
	const privateKeyPem = pair.privateKey.export({type: 'pkcs8', format: 'pem'}).toString();
	return {publicKey: pair.publicKey, privateKeyPem};
}

export class ClientRegistry {
	private readonly clients = new Map<string, ClientRecord>();

	async register(scopes: readonly Scope[], alg: ClientAlgorithm = 'RS256'): Promise<RegisteredClient> {
		const {publicKey, privateKeyPem} = await generateKeys(alg);
		const clientId = randomUUID();
		this.clients.set(clientId, {clientId, alg, publicKey, scopes: [...scopes]});
		return {clientId, privateKeyPem, scopes: [...scopes]};
	}

	find(clientId: string): ClientRecord | undefined {
		return this.clients.get(clientId);
	}
}
