import type {Key} from 'ink';

// Its own module: forms and the shell both split bursts, and the shell's input hook imports the screen
// registry, which imports the forms (a cycle that deadlocks the bundle's lazy, async module start).

const NO_KEY: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/**
 * Ink delivers a burst of typed characters (fast typing, tmux send-keys, a paste) as one string.
 * Keys are single characters here, so split plain text into one keystroke per character.
 */
export function splitKeystrokes(input: string, key: Key): Array<[string, Key]> {
	if (input.length <= 1 || key.ctrl || key.meta || key.escape || input.includes('\u001b')) return [[input, key]];
	return [...input].map(char => {
		if (char === '\r' || char === '\n') return ['', {...NO_KEY, return: true}];
		if (char === '\t') return ['', {...NO_KEY, tab: true}];
		if (char === '\u007f' || char === '\b') return ['', {...NO_KEY, backspace: true}];
		return [char, {...NO_KEY, shift: char !== char.toLowerCase()}];
	});
}
