import {z} from 'zod';

export const SCOPES = [
	'okta.oag.idp.read',
	'okta.oag.idp.manage',
	'okta.oag.app.read',
	'okta.oag.app.manage',
	'okta.oag.cert.read',
	'okta.oag.authenticationService.manage',
] as const;
export const Scope = z.enum(SCOPES);
export type Scope = z.infer<typeof Scope>;

/** Which scopes satisfy an operation: reads accept the family's read or manage scope. */
export type ScopeRequirement = {anyOf: readonly Scope[]; label: Scope};

export const requires = {
	idpRead: {anyOf: ['okta.oag.idp.read', 'okta.oag.idp.manage'], label: 'okta.oag.idp.read'},
	idpManage: {anyOf: ['okta.oag.idp.manage'], label: 'okta.oag.idp.manage'},
	appRead: {anyOf: ['okta.oag.app.read', 'okta.oag.app.manage'], label: 'okta.oag.app.read'},
	appManage: {anyOf: ['okta.oag.app.manage'], label: 'okta.oag.app.manage'},
	certRead: {anyOf: ['okta.oag.cert.read'], label: 'okta.oag.cert.read'},
	authService: {anyOf: ['okta.oag.authenticationService.manage'], label: 'okta.oag.authenticationService.manage'},
} as const satisfies Record<string, ScopeRequirement>;
