import {statusToken} from '../format/status.js';
import {Tone} from '../theme/ThemeContext.js';

/** A state as `[WORD]` in its tone: readable with or without colour. */
export const StateTag = ({state, fallback = 'UNKNOWN'}: {state: string | undefined; fallback?: string}) => (
	<Tone token={statusToken(state)} bold>
		[{state ?? fallback}]
	</Tone>
);
