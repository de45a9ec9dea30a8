// The one place that spells the OAG URL paths; the client and the simulator both build from here.
const seg = (value: string): string => encodeURIComponent(value);

export const paths = {
	token: '/api/v2/oauth/token',
	certificates: '/api/v2/certificates',
	certificate: (id: string) => `/api/v2/certificates/${seg(id)}`,
	idps: '/api/v2/idps',
	apps: '/api/v2/apps',
	authService: '/api/v2/settings/authentication-service',
	authServiceHealth: '/api/v2/settings/authentication-service/health-check',
	authServiceCertificates: '/api/v2/settings/authentication-service/certificates',
	failoverMode: (idpId: string) => `/api/v2/idps/${seg(idpId)}/offline-mode`,
	healthPolicy: (idpId: string) => `/api/v2/idps/${seg(idpId)}/offline-mode/health-policy`,
	directories: (idpId: string) => `/api/v2/idps/${seg(idpId)}/offline-mode/directories`,
	directory: (idpId: string, dirId: string) => `/api/v2/idps/${seg(idpId)}/offline-mode/directories/${seg(dirId)}`,
	testDirectoryConnection: (idpId: string) => `/api/v2/idps/${seg(idpId)}/offline-mode/test-directory-connection`,
	accessPolicies: (idpId: string) => `/api/v2/idps/${seg(idpId)}/offline-mode/access-policies`,
	accessPolicy: (idpId: string, policyId: string) =>
		`/api/v2/idps/${seg(idpId)}/offline-mode/access-policies/${seg(policyId)}`,
	appState: (appId: string) => `/api/v2/apps/${seg(appId)}/offline-mode`,
	appGroupPolicy: (appId: string) => `/api/v2/apps/${seg(appId)}/offline-mode/group-policy`,
	appAccessPolicy: (appId: string) => `/api/v2/apps/${seg(appId)}/offline-mode/access-policy`,
} as const;
