import type {ComponentType} from 'react';
import type {OagState} from '../../store/state.js';
import type {Action, ScreenId} from '../actions/types.js';

export type ListRow = {id: string; label: string};

/** One entry of the screen registry: later issues add screens here (AuthForm, Idp detail, App detail...). */
export type ScreenDefinition = {
	id: ScreenId;
	title: string;
	View: ComponentType<{width: number; height: number}>;
	actions: readonly Action[];
	/** Needs a connected store (everything but first-run setup). */
	needsStore: boolean;
	/** List screens: their rows after the `/` filter, for the cursor, Enter and actions on the selection. */
	rows?: (state: OagState, filter: string) => readonly ListRow[];
	/** The screen takes typed text itself (forms); the shell then only handles Esc and Ctrl+C. */
	capturesText?: boolean;
};
