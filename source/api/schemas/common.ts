import {z} from 'zod';

// Responses are parsed tolerantly (unknown fields kept, see oag-api.md part A);
// requests are strict objects so the simulator refuses a client that sends typos.

export const Id = z.string().min(1);

export const ErrorCause = z.looseObject({
	errorSummary: z.string(),
	field: z.string().optional(),
});

export const ErrorBody = z.looseObject({
	errorCode: z.string(),
	errorSummary: z.string(),
	errorCauses: z.array(ErrorCause).default([]),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
export type ErrorCause = z.infer<typeof ErrorCause>;

export const TokenResponse = z.looseObject({
	access_token: z.string().min(1),
	token_type: z.string(),
	// The documented sample says 300; a gateway that leaves it out gets that lifetime.
	expires_in: z.number().int().positive().default(300),
	scope: z.string().default(''),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

export const TokenRequest = z.strictObject({
	grant_type: z.literal('client_credentials'),
	client_assertion_type: z.literal('urn:ietf:params:oauth:client-assertion-type:jwt-bearer'),
	client_assertion: z.string().min(1),
	scope: z.string().min(1),
});
export type TokenRequest = z.infer<typeof TokenRequest>;
