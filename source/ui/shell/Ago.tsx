import {shortDuration} from '../format/time.js';
import {Tone} from '../theme/ThemeContext.js';
import type {ThemeToken} from '../theme/theme.js';
import {useNow} from './useNow.js';

/** "4s ago", counted up live by the shared clock: only this text re-renders each second. */
export function Ago({at, token = 'text.muted'}: {at: number; token?: ThemeToken}) {
	const now = useNow();
	return <Tone token={token}>{`${shortDuration(Math.max(0, now - at))} ago`}</Tone>;
}
