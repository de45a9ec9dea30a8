import {X509Certificate} from 'node:crypto';
import {LocalFileError} from './fsErrors.js';
import {readIfExists} from './secureFiles.js';

// The one reader of --ca-file (login, every command, Setup): a file that holds no certificate is an error
// here, with its path, rather than a TLS failure later that tells the admin to pass the --ca-file they passed.

export class CaFileError extends Error {
	override readonly name = 'CaFileError';
}

const MAX_CA_BYTES = 1024 * 1024;
const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** The CA bundle's text, checked to hold at least one readable PEM certificate and nothing unreadable. */
export async function readCaPem(file: string): Promise<string> {
	let text: string | undefined;
	try {
		text = await readIfExists(file, {maxBytes: MAX_CA_BYTES});
	} catch (error) {
		throw new CaFileError(error instanceof LocalFileError ? `the CA file: ${error.message}` : `cannot read the CA file ${file}`);
	}
	if (text === undefined) throw new CaFileError(`cannot read the CA file ${file}: no such file`);
	const blocks = text.match(CERTIFICATE_BLOCK) ?? [];
	if (blocks.length === 0) {
		throw new CaFileError(`the CA file ${file} is not a PEM certificate (expected a -----BEGIN CERTIFICATE----- block)`);
	}
	for (const [index, block] of blocks.entries()) {
		try {
			new X509Certificate(block);
		} catch {
			throw new CaFileError(`the CA file ${file} holds a damaged certificate (number ${index + 1} of ${blocks.length})`);
		}
	}
	return text;
}
