import {z} from 'zod';
import {Id} from './common.js';

export const App = z.looseObject({
	id: Id,
	name: z.string(),
	label: z.string().optional(),
	type: z.string().optional(),
	description: z.string().optional(),
	idpId: z.string().optional(),
	publicDomain: z.string().optional(),
	status: z.string().optional(),
});
export type App = z.infer<typeof App>;
export const AppList = z.array(App);

export const APP_STATES = ['INACTIVE', 'TEST', 'ACTIVE'] as const;
export const AppStateValue = z.enum(APP_STATES);
export type AppStateValue = z.infer<typeof AppStateValue>;
// Responses take any string: a state this version does not know is shown as it is, not a failure.
export const AppOfflineState = z.looseObject({state: z.string()});
export type AppOfflineState = z.infer<typeof AppOfflineState>;
export const AppOfflineStateRequest = z.strictObject({state: AppStateValue});

export const GroupRef = z.looseObject({name: z.string()});
export const GroupPolicy = z.looseObject({groups: z.array(GroupRef)});
export type GroupPolicy = z.infer<typeof GroupPolicy>;
export const GroupPolicyRequest = z.strictObject({groups: z.array(z.strictObject({name: z.string()}))});
export type GroupPolicyRequest = z.infer<typeof GroupPolicyRequest>;

export const AppAccessPolicy = z.looseObject({accessPolicyId: z.string().nullish().transform(id => id ?? null)});
export type AppAccessPolicy = z.infer<typeof AppAccessPolicy>;
export const AppAccessPolicyRequest = z.strictObject({accessPolicyId: Id});
