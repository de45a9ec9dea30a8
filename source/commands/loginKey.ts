import {LocalFileError} from '../config/fsErrors.js';
import {readIfExists} from '../config/secureFiles.js';
import {MAX_KEY_FILE_BYTES} from '../secrets/keyFiles.js';
import {SecretStoreError} from '../secrets/labels.js';
import {runKeyCommand} from '../secrets/keyCommand.js';
import {checkPrivateKeyPem, type CheckedKey} from '../secrets/pem.js';
import {canPrompt, promptHidden, readAllStdin} from '../secrets/prompt.js';
import {CommandFailure, EXIT} from './run.js';

export type KeySource =
	| {kind: 'file'; file: string}
	| {kind: 'stdin'}
	| {kind: 'command'; command: string}
	| {kind: 'prompt'};

/** Which source login reads the key from; exactly one. */
export function pickKeySource(options: {keyFile?: string; keyStdin?: boolean; keyCommand?: string}): KeySource {
	const given = [options.keyFile, options.keyStdin, options.keyCommand].filter(Boolean).length;
	if (given > 1) throw new CommandFailure('give only one of --key-file, --key-stdin, --key-command', EXIT.usage);
	if (options.keyFile) return {kind: 'file', file: options.keyFile};
	if (options.keyStdin) return {kind: 'stdin'};
	if (options.keyCommand) return {kind: 'command', command: options.keyCommand};
	if (!canPrompt()) {
		throw new CommandFailure(
			'no terminal for a hidden prompt: pipe the key with --key-stdin, or pass --key-file FILE',
			EXIT.usage,
		);
	}
	return {kind: 'prompt'};
}

/** Reads and checks the key. Errors name the source, never the content. */
export async function readLoginKey(source: KeySource): Promise<CheckedKey> {
	let text: string;
	try {
		text = await readSource(source);
	} catch (error) {
		if (error instanceof SecretStoreError) {
			throw new CommandFailure(error.message, error.reason === 'interrupted' ? EXIT.interrupted : EXIT.failure);
		}
		if (error instanceof LocalFileError) throw new CommandFailure(`the key file: ${error.message}`, EXIT.usage);
		throw new CommandFailure(`cannot read the key ${describe(source)}`, EXIT.usage);
	}
	try {
		return checkPrivateKeyPem(text);
	} catch (error) {
		const message = error instanceof Error ? error.message : 'invalid key';
		throw new CommandFailure(`the key ${describe(source)}: ${message}`, EXIT.usage);
	}
}

async function readSource(source: KeySource): Promise<string> {
	switch (source.kind) {
		case 'file': {
			// Bounded: a key is a few KB, and `--key-file /dev/zero` must not fill the memory.
			const text = await readIfExists(source.file, {maxBytes: MAX_KEY_FILE_BYTES});
			if (text === undefined) throw new LocalFileError('read', source.file, 'ENOENT');
			return text;
		}
		case 'stdin':
			return readAllStdin(MAX_KEY_FILE_BYTES);
		case 'command':
			return runKeyCommand(source.command);
		case 'prompt':
			return promptHidden('Paste the private key (PEM, not shown), ending with the END line:\n', {
				until: /-----END [A-Z ]*KEY-----\s*$/,
			});
	}
}

function describe(source: KeySource): string {
	switch (source.kind) {
		case 'file':
			return `in ${source.file}`;
		case 'stdin':
			return 'from stdin';
		case 'command':
			return 'from --key-command';
		case 'prompt':
			return 'pasted';
	}
}
