import {z} from 'zod';

// The parent and the keychain worker process talk one JSON object each way over stdin/stdout.

export const KeychainRequest = z.discriminatedUnion('op', [
	z.object({op: z.literal('get'), service: z.string(), account: z.string()}),
	z.object({op: z.literal('set'), service: z.string(), account: z.string(), secret: z.string()}),
	z.object({op: z.literal('delete'), service: z.string(), account: z.string()}),
]);
export type KeychainRequest = z.infer<typeof KeychainRequest>;

export const KeychainReply = z.union([
	z.object({ok: z.literal(true), secret: z.string().nullable().optional(), deleted: z.boolean().optional()}),
	z.object({ok: z.literal(false), error: z.string()}),
]);
export type KeychainReply = z.infer<typeof KeychainReply>;
