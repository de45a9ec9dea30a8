import type * as S from './schemas/index.js';

/**
 * Everything the rest of the program may ask of the gateway. Implemented by createOagClient (api/client);
 * the store and the commands depend on this type only, so tests can hand them a client bound to the simulator.
 */
export type OagApi = {
	certificates: {
		list(): Promise<S.Certificate[]>;
		get(id: string): Promise<S.Certificate>;
	};
	idps: {
		list(): Promise<S.Idp[]>;
		getFailoverMode(idpId: string): Promise<S.FailoverMode>;
		setFailoverMode(idpId: string, mode: S.FailoverModeValue): Promise<S.FailoverMode>;
		getHealthPolicy(idpId: string): Promise<S.HealthPolicy>;
		replaceHealthPolicy(idpId: string, policy: S.HealthPolicy): Promise<S.HealthPolicy>;
	};
	directories: {
		list(idpId: string): Promise<S.Directory[]>;
		get(idpId: string, directoryId: string): Promise<S.Directory>;
		create(idpId: string, body: S.DirectoryCreateRequest): Promise<S.Directory>;
		replace(idpId: string, directoryId: string, body: S.DirectoryReplaceRequest): Promise<S.Directory>;
		remove(idpId: string, directoryId: string): Promise<void>;
		testConnection(idpId: string, body: S.TestDirectoryConnectionRequest): Promise<void>;
	};
	accessPolicies: {
		list(idpId: string): Promise<S.AccessPolicy[]>;
		get(idpId: string, policyId: string): Promise<S.AccessPolicy>;
		create(idpId: string, body: S.AccessPolicyRequest): Promise<S.AccessPolicy>;
		replace(idpId: string, policyId: string, body: S.AccessPolicyRequest): Promise<S.AccessPolicy>;
		remove(idpId: string, policyId: string): Promise<void>;
	};
	apps: {
		list(): Promise<S.App[]>;
		getState(appId: string): Promise<S.AppOfflineState>;
		setState(appId: string, state: S.AppStateValue): Promise<S.AppOfflineState>;
		getGroupPolicy(appId: string): Promise<S.GroupPolicy>;
		/** Throws OagError kind 'deprecated' on gateways >= 2026.09.1. */
		setGroupPolicy(appId: string, groups: string[]): Promise<S.GroupPolicy>;
		getAccessPolicy(appId: string): Promise<S.AppAccessPolicy>;
		setAccessPolicy(appId: string, accessPolicyId: string): Promise<S.AppAccessPolicy>;
	};
	authService: {
		/** Resolves undefined when the service is not enabled (the gateway answers 404). */
		get(): Promise<S.AuthServiceSetting | undefined>;
		enable(body: S.AuthServiceEnableRequest): Promise<S.AuthServiceSetting>;
		disable(): Promise<void>;
		/** Resolves undefined when the service is not enabled. */
		health(): Promise<S.HealthCheck | undefined>;
		listCertificates(): Promise<S.AuthServiceCertificate[]>;
		replaceCertificate(body: S.AuthServiceCertificateRequest): Promise<S.AuthServiceCertificate>;
	};
};
