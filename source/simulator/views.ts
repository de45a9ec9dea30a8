import type {AuthServiceSetting} from '../api/schemas/authService.js';
import type {Directory} from '../api/schemas/directories.js';
import type {AuthServiceRecord, StoredDirectory} from './state.js';

// Public views of stored objects: the only way stored settings leave the simulator, so write-only
// fields (bindCredential, database username/password) cannot be echoed by accident.

export function directoryView(stored: StoredDirectory): Directory {
	const {bindCredential: _writeOnly, ...connection} = stored.connection;
	return {id: stored.id, type: stored.type, connection, config: {...stored.config}};
}

export function authServiceView(record: AuthServiceRecord): AuthServiceSetting {
	const {username: _user, password: _password, ...database} = record.setting.database;
	return {
		serverNodes: [...record.setting.serverNodes],
		database,
		publicDomain: record.setting.publicDomain,
		certificateId: record.setting.certificateId,
	};
}
