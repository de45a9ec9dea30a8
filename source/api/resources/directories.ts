import type {GatewayCaller} from '../gatewayCall.js';
import type {OagApi} from '../OagApi.js';
import {Directory, DirectoryList} from '../schemas/directories.js';
import {paths} from '../schemas/paths.js';

// LDAP/AD directories of an IdP. Create is never retried (a lost answer plus a retry would make two
// directories); delete and the bind test are not either (a repeated delete would report a false 404).

export function createDirectoriesApi(call: GatewayCaller): OagApi['directories'] {
	return {
		list: (idpId) => call.json({method: 'GET', path: paths.directories(idpId), retry: 'idempotent'}, DirectoryList),
		get: (idpId, directoryId) =>
			call.json({method: 'GET', path: paths.directory(idpId, directoryId), retry: 'idempotent'}, Directory),
		create: (idpId, body) =>
			call.json({method: 'POST', path: paths.directories(idpId), body, retry: 'never'}, Directory),
		replace: (idpId, directoryId, body) =>
			call.json({method: 'PUT', path: paths.directory(idpId, directoryId), body, retry: 'idempotent'}, Directory),
		remove: (idpId, directoryId) =>
			call.noContent({method: 'DELETE', path: paths.directory(idpId, directoryId), retry: 'never'}),
		testConnection: (idpId, body) =>
			call.noContent({method: 'POST', path: paths.testDirectoryConnection(idpId), body, retry: 'never'}),
	};
}
