import type {Command} from 'commander';
import {keychainWorkerMain} from '../secrets/keychainWorker.mjs';

/**
 * `oag-offline __keychain`: the keychain worker inside the same bundle (see secrets/keychainProcess.ts).
 * Hidden from help; it reads one JSON request on stdin and writes one JSON reply on stdout.
 */
export function register(program: Command): void {
	program
		.command('__keychain', {hidden: true})
		.description('internal: one keychain call, JSON on stdin/stdout')
		.action(keychainWorkerMain);
}
