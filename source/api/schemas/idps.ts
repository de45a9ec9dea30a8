import {z} from 'zod';
import {Id} from './common.js';

export const IdpType = z.string(); // IDP_OKTA, IDP_AUTH0; tolerant of new types
export const Idp = z.looseObject({
	id: Id,
	type: IdpType,
	name: z.string(),
	description: z.string().optional(),
	domain: z.string().optional(),
	tenant: z.string().optional(),
	validationStatus: z.unknown().optional(),
});
export type Idp = z.infer<typeof Idp>;
export const IdpList = z.array(Idp);

export const FAILOVER_MODES = ['AUTOMATIC', 'DISABLED'] as const;
export const FailoverModeValue = z.enum(FAILOVER_MODES);
export type FailoverModeValue = z.infer<typeof FailoverModeValue>;
// Responses take any string, so a mode added by a newer gateway is shown rather than failing the read.
export const FailoverMode = z.looseObject({mode: z.string()});
export type FailoverMode = z.infer<typeof FailoverMode>;
export const FailoverModeRequest = z.strictObject({mode: FailoverModeValue});

const int = z.number().int();
const healthPolicyShape = {
	failureThreshold: int,
	healthCheckInterval: int,
	maxRetries: int,
	recoveryCooldownInterval: int,
	successThreshold: int,
	timeout: int,
};
// Part A: the gateway has defaults for all six fields and returns them all.
export const HealthPolicy = z.looseObject(healthPolicyShape);
export type HealthPolicy = z.infer<typeof HealthPolicy>;
/** PUT is a full replace: all six fields are required (ranges and the rule live in domain/healthPolicy). */
export const HealthPolicyRequest = z.strictObject(healthPolicyShape);
