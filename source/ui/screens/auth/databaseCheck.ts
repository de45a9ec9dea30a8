import {CaFileError, readCaPem} from '../../../config/caFile.js';
import {preflightStepLine, preflightSummary} from '../../../domain/preflight.js';
import type {OagStore} from '../../../store/createOagStore.js';
import {textOf, type FormValues} from '../../components/form/fieldSpecs.js';
import type {FormOutcome} from '../../components/form/formState.js';
import type {Progress} from '../../components/form/useForm.js';
import {enableBodyOf} from './enableForm.js';

// Ctrl+T on the enable form: the database as typed, checked from this machine, as `auth-service check-db`
// does. A CA file is read through the one CA-file reader (a file without a readable PEM certificate is
// refused there, with its path), and a bad one is said at its field before anything connects.

export async function checkDatabase(store: OagStore, values: FormValues, progress: Progress): Promise<FormOutcome> {
	const caFile = textOf(values, 'dbCaFile').trim();
	let ca: string | undefined;
	if (caFile !== '') {
		try {
			ca = await readCaPem(caFile);
		} catch (error) {
			if (!(error instanceof CaFileError)) throw error;
			return {ok: false, message: 'The database CA file cannot be used.', fieldErrors: {dbCaFile: error.message}};
		}
	}
	const {database} = enableBodyOf(values);
	progress('Database pre-flight from this machine (the server nodes connect from their own network):');
	const report = await store.authService.preflight(
		{host: database.host, port: database.port, user: database.username, password: database.password, database: database.name, ...(ca ? {ca} : {})},
		step => progress(preflightStepLine(step)),
	);
	return {ok: report.ok, message: preflightSummary(report)};
}
