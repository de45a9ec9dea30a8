import type {OagApi} from '../api/OagApi.js';
import {
	DirectoryConfig,
	DirectoryType,
	type Directory,
	type DirectoryCreateRequest,
	type DirectoryReplaceRequest,
} from '../api/schemas/directories.js';
import {paths} from '../api/schemas/paths.js';
import {validateDirectory} from '../domain/directoryRules.js';
import type {Operation, OperationRequest} from './types.js';

// An IdP's offline directories: create (POST), update (PUT, a full replace; without a bind credential the
// gateway keeps the stored one) and delete. The state these operations record (requested, before, after,
// the audit line) is the directory without its bind credential, which the gateway never returns either.
// Changes reach the gateway's user store at its next hourly sync, not at once (oag-api.md 4.7).

export const DIRECTORY_SYNC_NOTE = 'Directory changes reach offline sign-in at the gateway\'s next hourly sync.';

export type DirectorySnapshot = {
	id?: string;
	type: string;
	connection: {connectionUrl: string; bindDn: string};
	config: Partial<DirectoryConfig>;
};
/** null: no such directory (before a create, after a delete). */
export type DirectoryState = DirectorySnapshot | null;

type IdpRef = {id: string; name?: string};
type DirectoriesApi = Pick<OagApi, 'directories'>;

export function snapshotOf(d: Directory | DirectoryCreateRequest | DirectoryReplaceRequest, id?: string): DirectorySnapshot {
	const known = id ?? ('id' in d && typeof d.id === 'string' ? d.id : undefined);
	return {
		...(known === undefined ? {} : {id: known}),
		type: d.type,
		connection: {connectionUrl: d.connection.connectionUrl, bindDn: d.connection.bindDn},
		config: {...d.config},
	};
}

/** The body as a dry run or a reader sees it: the credential masked, and said whether one is sent. */
const shownBody = (body: DirectoryCreateRequest | DirectoryReplaceRequest): unknown => ({
	...body,
	connection: {
		...body.connection,
		...(body.connection.bindCredential === undefined ? {} : {bindCredential: '***'}),
	},
});

const secretsOf = (body: DirectoryCreateRequest | DirectoryReplaceRequest): string[] =>
	body.connection.bindCredential ? [body.connection.bindCredential] : [];

/** What differs between what was asked and what the gateway holds now (credential aside). */
export function snapshotDifferences(want: DirectorySnapshot, got: DirectorySnapshot): string[] {
	const out: string[] = [];
	if (want.type !== got.type) out.push(`type ${got.type}`);
	for (const key of ['connectionUrl', 'bindDn'] as const) {
		if (want.connection[key] !== got.connection[key]) out.push(`${key} ${got.connection[key]}`);
	}
	for (const [key, value] of Object.entries(want.config)) {
		const now = got.config[key as keyof DirectoryConfig];
		if (JSON.stringify(value) !== JSON.stringify(now)) out.push(`${key} ${JSON.stringify(now)}`);
	}
	return out;
}

const describe = (s: {connection: {connectionUrl: string}}, idp: IdpRef) => `directory ${s.connection.connectionUrl} of ${idp.name ?? idp.id}`;
const idpTarget = (idp: IdpRef) => ({idpId: idp.id, ...(idp.name ? {idpName: idp.name} : {})});

async function readDirectory(api: DirectoriesApi, idpId: string, directoryId: string): Promise<DirectoryState> {
	const found = (await api.directories.list(idpId)).find(d => d.id === directoryId);
	return found ? snapshotOf(found) : null;
}

const verifyAgainst = (want: DirectorySnapshot) => async (read: () => Promise<DirectoryState>) => {
	const after = await read();
	if (after === null) return {after, mismatch: 'no such directory'};
	const off = snapshotDifferences(want, after);
	return {after, ...(off.length > 0 ? {mismatch: off.join(', ')} : {})};
};

export function createDirectoryOperation(api: DirectoriesApi, idp: IdpRef, body: DirectoryCreateRequest): Operation<DirectoryState> {
	const requested = snapshotOf(body);
	let createdId: string | undefined;
	const read = async (): Promise<DirectoryState> => (createdId === undefined ? null : readDirectory(api, idp.id, createdId));
	const request: OperationRequest = {method: 'POST', path: paths.directories(idp.id), body: shownBody(body)};
	return {
		id: 'directories.create',
		label: `create ${describe(body, idp)}`,
		target: {kind: 'directory', id: 'new', name: body.connection.connectionUrl, ...idpTarget(idp)},
		requested,
		request,
		secrets: secretsOf(body),
		readBefore: async () => null,
		validate: () => validateDirectory(body, true).map(e => `${e.field}: ${e.message}`),
		call: async () => {
			createdId = (await api.directories.create(idp.id, body)).id;
		},
		verify: () => verifyAgainst(requested)(read),
		// Undo of a create is the delete of what it made (the delete asks to be confirmed like any other).
		inverse: () => {
			const made = createdId;
			return made === undefined ? undefined : deleteDirectoryOperation(api, idp, {...requested, id: made});
		},
	};
}

export function updateDirectoryOperation(
	api: DirectoriesApi,
	idp: IdpRef,
	directoryId: string,
	body: DirectoryReplaceRequest,
): Operation<DirectoryState> {
	const requested = snapshotOf(body, directoryId);
	const read = () => readDirectory(api, idp.id, directoryId);
	const keeps = body.connection.bindCredential === undefined;
	return {
		id: 'directories.update',
		label: `update ${describe(body, idp)}${keeps ? ' (bind credential kept)' : ' (new bind credential)'}`,
		target: {kind: 'directory', id: directoryId, name: body.connection.connectionUrl, ...idpTarget(idp)},
		requested,
		request: {method: 'PUT', path: paths.directory(idp.id, directoryId), body: shownBody(body)},
		secrets: secretsOf(body),
		readBefore: async () => {
			const before = await read();
			if (before === null) throw new Error(`no directory ${directoryId} on ${idp.name ?? idp.id}`);
			return before;
		},
		validate: () => validateDirectory(body, false).map(e => `${e.field}: ${e.message}`),
		call: () => api.directories.replace(idp.id, directoryId, body),
		verify: () => verifyAgainst(requested)(read),
		// Undo puts the fields back and keeps whatever credential the gateway holds: a credential retyped
		// by this update cannot be rolled back (the old one was never ours to keep).
		inverse: before => {
			const restored = before === null ? undefined : replaceBodyOf(before);
			return restored === undefined ? undefined : updateDirectoryOperation(api, idp, directoryId, restored);
		},
	};
}

/** A replace body from a snapshot, credential left out (kept); undefined if the snapshot is not complete. */
export function replaceBodyOf(snapshot: DirectorySnapshot, bindCredential?: string): DirectoryReplaceRequest | undefined {
	const type = DirectoryType.safeParse(snapshot.type);
	const config = DirectoryConfig.safeParse(snapshot.config);
	if (!type.success || !config.success) return undefined;
	return {
		type: type.data,
		connection: {...snapshot.connection, ...(bindCredential === undefined ? {} : {bindCredential})},
		config: config.data,
	};
}

export const DELETE_CONFIRMATION_WORD = 'DELETE';

export function deleteDirectoryOperation(api: DirectoriesApi, idp: IdpRef, directory: DirectorySnapshot & {id: string}): Operation<DirectoryState> {
	const read = () => readDirectory(api, idp.id, directory.id);
	return {
		id: 'directories.delete',
		label: `delete ${describe(directory, idp)}`,
		target: {kind: 'directory', id: directory.id, name: directory.connection.connectionUrl, ...idpTarget(idp)},
		requested: null,
		request: {method: 'DELETE', path: paths.directory(idp.id, directory.id)},
		confirmation: {
			expected: DELETE_CONFIRMATION_WORD,
			prompt:
				`Delete ${describe(directory, idp)}: at the next sync offline sign-in loses its users. ` +
				'It cannot be undone here: the gateway never returns the bind credential, so recreating it needs the credential again.',
		},
		readBefore: async () => {
			const before = await read();
			if (before === null) throw new Error(`no directory ${directory.id} on ${idp.name ?? idp.id}`);
			return before;
		},
		call: () => api.directories.remove(idp.id, directory.id),
		verify: async () => {
			const after = await read();
			return {after, ...(after === null ? {} : {mismatch: 'the directory is still listed'})};
		},
		// No inverse: a recreate needs the bind credential, which nobody here has. recreateDirectoryBody
		// gives the body to send once the admin types it again.
	};
}

/** The create body that brings a deleted directory back, with the credential the admin typed again. */
export function recreateDirectoryBody(before: DirectorySnapshot, bindCredential: string): DirectoryCreateRequest | undefined {
	const body = replaceBodyOf(before, bindCredential);
	return body === undefined ? undefined : {...body, connection: {...body.connection, bindCredential}};
}
