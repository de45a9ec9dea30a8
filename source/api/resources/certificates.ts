import type {GatewayCaller} from '../gatewayCall.js';
import type {OagApi} from '../OagApi.js';
import {Certificate, CertificateList} from '../schemas/certificates.js';
import {paths} from '../schemas/paths.js';

export function createCertificatesApi(call: GatewayCaller): OagApi['certificates'] {
	return {
		list: () => call.json({method: 'GET', path: paths.certificates, retry: 'idempotent'}, CertificateList),
		get: (id) => call.json({method: 'GET', path: paths.certificate(id), retry: 'idempotent'}, Certificate),
	};
}
