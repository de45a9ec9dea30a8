import {readinessChecklist, type ReadinessLine} from '../../../domain/readiness.js';
import {matchesFilter, readinessSnapshot, type ReadinessSource} from '../../../store/selectors.js';
import type {ScreenId} from '../../actions/types.js';

export type ReadinessRow = ReadinessLine & {id: string; label: string};

export function dashboardRows(state: ReadinessSource, filter: string): ReadinessRow[] {
	return readinessChecklist(readinessSnapshot(state))
		.map(line => ({...line, id: `${line.area}:${line.id ?? line.subject}`, label: line.subject}))
		.filter(row => matchesFilter(filter, row.subject, row.detail, row.done ? 'done' : 'todo'));
}

/** ':idps' -> 'idps': a readiness line's `goTo` is a `:` command naming a screen. */
export const screenOfCommand = (command: string): ScreenId => command.replace(/^:/, '') as ScreenId;
