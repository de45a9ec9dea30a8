import {z} from 'zod';
import {Id} from './common.js';

export const DatabaseType = z.enum(['mysql']);
// As returned. The write-only credentials are dropped even if a gateway echoes them, so they can never
// reach the store, `status --json` or a screen; the sub-fields are only seen in examples, so optional.
export const AuthServiceSetting = z.looseObject({
	serverNodes: z.array(z.string()).default([]),
	database: z
		.looseObject({
			type: z.string().optional(),
			host: z.string().optional(),
			port: z.number().int().optional(),
			name: z.string().optional(),
		})
		.transform(({username: _username, password: _password, ...database}) => database),
	publicDomain: z.string(),
	certificateId: z.string().optional(),
});
export type AuthServiceSetting = z.infer<typeof AuthServiceSetting>;

/** Enable body. username/password are write-only: sent here, never returned. */
export const AuthServiceEnableRequest = z.strictObject({
	serverNodes: z.array(z.string()),
	database: z.strictObject({
		type: DatabaseType,
		host: z.string(),
		port: z.number().int(),
		name: z.string(),
		username: z.string(),
		password: z.string(),
	}),
	publicDomain: z.string(),
	certificateId: Id,
});
export type AuthServiceEnableRequest = z.infer<typeof AuthServiceEnableRequest>;

export const HEALTH_STATUSES = ['HEALTHY', 'DEGRADED', 'UNHEALTHY', 'INITIALIZING', 'UNKNOWN'] as const;
export const HealthStatus = z.enum(HEALTH_STATUSES);
export type HealthStatus = z.infer<typeof HealthStatus>;
export const HealthCheck = z.looseObject({
	// Tolerant: an unknown future status is shown as-is rather than failing the parse.
	status: z.string(),
	lastChecked: z.string().optional(),
	details: z.string().optional(),
});
export type HealthCheck = z.infer<typeof HealthCheck>;

export const AuthServiceCertificate = z.looseObject({
	type: z.string(),
	hostname: z.string().optional(),
	certificateId: z.string(),
});
export type AuthServiceCertificate = z.infer<typeof AuthServiceCertificate>;
export const AuthServiceCertificateList = z.array(AuthServiceCertificate);
export const AuthServiceCertificateRequest = z.strictObject({
	type: z.string(),
	hostname: z.string(),
	certificateId: Id,
});
export type AuthServiceCertificateRequest = z.infer<typeof AuthServiceCertificateRequest>;
