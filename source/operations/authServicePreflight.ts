import type {MysqlCheckInput, MysqlCheckOptions} from '../checks/mysql/index.js';
import type {PreflightReport} from '../domain/preflight.js';

// The enable operation's pre-flight: the database as typed in the form, checked from this machine before
// anything is sent to the gateway. Here so that the store (which reaches local checks only through the
// operations layer) can offer it to the enable form; mysql2 is loaded on first use.

export async function preflightDatabase(input: MysqlCheckInput, options: MysqlCheckOptions = {}): Promise<PreflightReport> {
	const {checkMysqlDatabase} = await import('../checks/mysql/index.js');
	return checkMysqlDatabase(input, options);
}
