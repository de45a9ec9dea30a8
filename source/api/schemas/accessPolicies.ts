import {z} from 'zod';
import {Id} from './common.js';

export const AuthMethodKey = z.enum(['password', 'smart_card']);
const rule = {
	name: z.string(),
	conditions: z.object({groups: z.object({include: z.array(z.object({name: z.string()}))})}),
	actions: z.object({
		access: z.literal('allow'),
		chains: z.array(z.object({authenticationMethods: z.array(z.array(z.object({key: AuthMethodKey})))})),
	}),
};

// As returned: tolerant of authentication methods and actions this version does not know.
const returnedRule = z.looseObject({
	name: z.string().optional(),
	conditions: z.unknown().optional(),
	actions: z.unknown().optional(),
});
export const AccessPolicy = z.looseObject({
	id: Id,
	name: z.string(),
	isDefault: z.boolean().default(false),
	rules: z.array(returnedRule).default([]),
});
export type AccessPolicy = z.infer<typeof AccessPolicy>;
export const AccessPolicyList = z.array(AccessPolicy);

export const AccessPolicyRequest = z.strictObject({
	name: z.string(),
	rules: z.array(z.strictObject(rule)),
});
export type AccessPolicyRequest = z.infer<typeof AccessPolicyRequest>;
