import type {KeychainReply} from './keychainProtocol.js';

export function performKeychainRequest(input: unknown): Promise<KeychainReply>;
export function keychainWorkerMain(): Promise<void>;
