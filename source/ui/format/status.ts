import type {ThemeToken} from '../theme/theme.js';

// Every state has a word and a tone; the word is always printed (as [WORD]) so no-colour loses nothing.

export {HEALTH_MEANING, healthMeaning} from '../../domain/healthMeaning.js';

export function statusToken(status: string | undefined): ThemeToken {
	switch (status) {
		case 'HEALTHY':
		case 'AUTOMATIC':
		case 'ACTIVE':
			return 'status.ok';
		case 'DEGRADED':
		case 'INITIALIZING':
		case 'TEST':
			return 'status.warn';
		case 'UNHEALTHY':
		case 'ERROR':
			return 'status.error';
		default:
			return 'text.muted';
	}
}

/** One character per health sample for the timeline, readable without colour. */
export function sparkChar(status: string): string {
	switch (status) {
		case 'HEALTHY':
			return '█';
		case 'DEGRADED':
		case 'INITIALIZING':
			return '▄';
		case 'UNHEALTHY':
			return '▁';
		case 'ERROR':
			return 'x';
		default:
			return '?';
	}
}
