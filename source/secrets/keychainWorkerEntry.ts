// Entry of the keychain worker when running from source (tests, tsx): a small file starts faster than the
// whole CLI. The bundle uses the hidden `oag-offline __keychain` subcommand instead (see keychainProcess.ts).
import {keychainWorkerMain} from './keychainWorker.js';

await keychainWorkerMain();
