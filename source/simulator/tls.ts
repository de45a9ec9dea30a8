// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata polyfill loaded first.
import 'reflect-metadata';
import {webcrypto} from 'node:crypto';
import * as x509 from '@peculiar/x509';

// Every start makes a fresh CA and a server certificate for the loopback names, so clients are tested
// with real certificate verification (trusting caFile) instead of turning verification off.

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type KeyPair = Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'];

export type TlsMaterial = {caPem: string; certPem: string; keyPem: string};

const keyAlgorithm = {name: 'ECDSA', namedCurve: 'P-256'} as const;
const signingAlgorithm = {name: 'ECDSA', hash: 'SHA-256'} as const;
const DAY_MS = 86_400_000;

function toPem(der: ArrayBuffer, label: string): string {
	const base64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
	return `-----BEGIN ${label}-----\n${base64.replace(/\n$/, '')}\n-----END ${label}-----\n`;
}

async function generateKeys(): Promise<KeyPair> {
	return (await webcrypto.subtle.generateKey(keyAlgorithm, true, ['sign', 'verify'])) as unknown as KeyPair;
}

export async function generateTlsMaterial(): Promise<TlsMaterial> {
	const now = Date.now();
	const notBefore = new Date(now - DAY_MS);
	const notAfter = new Date(now + 30 * DAY_MS);

	const caKeys = await generateKeys();
	const caName = 'CN=oag-offline simulator CA';
	const ca = await x509.X509CertificateGenerator.createSelfSigned({
		name: caName,
		notBefore,
		notAfter,
		signingAlgorithm,
		keys: caKeys,
		extensions: [
			new x509.BasicConstraintsExtension(true, 0, true),
			new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
			await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
		],
	});

	const serverKeys = await generateKeys();
	const server = await x509.X509CertificateGenerator.create({
		subject: 'CN=127.0.0.1',
		issuer: ca.subject,
		notBefore,
		notAfter,
		signingAlgorithm,
		publicKey: serverKeys.publicKey,
		signingKey: caKeys.privateKey,
		extensions: [
			new x509.BasicConstraintsExtension(false, undefined, true),
			new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
			new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
			new x509.SubjectAlternativeNameExtension([
				{type: 'ip', value: '127.0.0.1'},
				{type: 'ip', value: '::1'},
				{type: 'dns', value: 'localhost'},
			]),
			await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
		],
	});

	const keyDer = await webcrypto.subtle.exportKey('pkcs8', serverKeys.privateKey as unknown as webcrypto.CryptoKey);
	return {caPem: ca.toString('pem') + '\n', certPem: server.toString('pem') + '\n', keyPem: toPem(keyDer, 'PRIVATE KEY')};
}
