import {LocalFileError} from '../config/fsErrors.js';
import {readIfExists} from '../config/secureFiles.js';
import {SecretStoreError} from './labels.js';

/** Key files (PEM, envelope, encrypted key) are a few KB; a bigger one is not ours. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

/**
 * A stored key file's text, or undefined when it does not exist. Like ssh, a file that group or others can
 * read is refused: its secret may already have been read, and it must not stay usable silently.
 */
export async function readKeyFile(file: string): Promise<string | undefined> {
	try {
		return await readIfExists(file, {maxBytes: MAX_KEY_FILE_BYTES, ownerOnly: true});
	} catch (error) {
		if (error instanceof LocalFileError) {
			const reason = error.code === 'EFBIG' || error.message.includes('mode') ? 'invalid' : 'failed';
			throw new SecretStoreError(error.message, reason);
		}
		throw error;
	}
}
