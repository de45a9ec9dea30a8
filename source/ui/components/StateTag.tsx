import {statusToken} from '../format/status.js';
import {terminalCell} from '../format/width.js';
import {Tone} from '../theme/ThemeContext.js';
import type {Cell} from './Columns.js';

// The longest known state word is 11 cells (NOT ENABLED); an unknown value from a gateway (possibly
// carrying escapes, shown escaped) is cut with an ellipsis so that a tag never wraps its row.
const MAX_STATE_WIDTH = 16;

/** A state as `[WORD]` in its tone, as a list cell (components/Columns): no node of its own. */
export const stateCell = (state: string | undefined, fallback = 'UNKNOWN'): Exclude<Cell, string> => ({
	text: `[${terminalCell(state ?? fallback, MAX_STATE_WIDTH)}]`,
	token: statusToken(state),
	bold: true,
});

/** The same tag as its own text: readable with or without colour. */
export function StateTag({state, fallback = 'UNKNOWN'}: {state: string | undefined; fallback?: string}) {
	const {text, token, bold} = stateCell(state, fallback);
	return (
		<Tone token={token} bold={bold} wrap="truncate">
			{text}
		</Tone>
	);
}
