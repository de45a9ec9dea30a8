import type {GatewayCaller} from '../gatewayCall.js';
import type {OagApi} from '../OagApi.js';
import {Directory, DirectoryList} from '../schemas/directories.js';
import {paths} from '../schemas/paths.js';

// LDAP/AD directories of an IdP. Create is never retried (a lost answer plus a retry would make two
// directories); delete and the bind test are not either (a repeated delete would report a false 404).

export function createDirectoriesApi(call: GatewayCaller): OagApi['directories'] {
	const listDirectories = (idpId: string) =>
		call.json({method: 'GET', path: paths.directories(idpId), retry: 'idempotent'}, DirectoryList);
	const getDirectory = (idpId: string, directoryId: string) =>
		call.json({method: 'GET', path: paths.directory(idpId, directoryId), retry: 'idempotent'}, Directory);
	return {
		list: listDirectories,
		get: getDirectory,
		create: (idpId, body) =>
			call.json(
				{
					method: 'POST',
					path: paths.directories(idpId),
					body,
					retry: 'never',
					// No body: find the new directory by what identifies it (the last one, if created twice).
					onEmpty: async () =>
						(await listDirectories(idpId))
							.filter(d => d.connection.connectionUrl === body.connection.connectionUrl && d.connection.bindDn === body.connection.bindDn)
							.at(-1),
				},
				Directory,
			),
		replace: (idpId, directoryId, body) =>
			call.json(
				{
					method: 'PUT',
					path: paths.directory(idpId, directoryId),
					body,
					retry: 'idempotent',
					onEmpty: () => getDirectory(idpId, directoryId),
				},
				Directory,
			),
		remove: (idpId, directoryId) =>
			call.noContent({method: 'DELETE', path: paths.directory(idpId, directoryId), retry: 'never'}),
		testConnection: (idpId, body) =>
			call.noContent({method: 'POST', path: paths.testDirectoryConnection(idpId), body, retry: 'never'}),
	};
}
