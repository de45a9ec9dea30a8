// Every string a gateway returns is hostile data: a name, a state, an error summary may carry escape
// sequences (an OSC 52 clipboard write, an OSC 0 window title, a CSI that clears the screen), a bare `\r`
// or backspaces that overwrite what was printed, a BEL, C1 controls that some terminals obey as ESC, or
// bidi overrides that reorder what the admin reads. This is the one function that turns such a string
// into plain data for the terminal, used by the CLI text output and by every TUI text node.
//
// Each control character is shown escaped as `\uXXXX`, never dropped: an unknown enum value that carries
// escapes is visibly odd instead of silently passing for a known one. Escaping the introducer (ESC or
// C1 CSI/OSC/DCS) and the terminator (BEL, ESC \, C1 ST) neutralises a whole escape sequence: what is
// left between them is printable text. Printable text is returned unchanged, and the function is
// idempotent (an escape is itself printable), so applying it twice on the way to the screen is harmless.

// C0 controls (with \t, \n and \r), DEL, C1 controls (U+0080-U+009F), the line/paragraph separators and
// the bidi marks, embeddings, overrides and isolates (U+061C, U+200E-U+200F, U+202A-U+202E,
// U+2066-U+2069).
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same set without \t and \n, for text that is laid out in lines by this program.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One value from a gateway as terminal-safe text: every control character shown as a `\uXXXX` escape. */
export function terminalText(value: string): string {
	return value.replace(UNPRINTABLE, escapeChar);
}

/**
 * Text that this program composed into lines (a command's text output, a multi-line TUI block): newlines
 * and tabs are its own layout and stay; every other control character is escaped as in terminalText.
 * Gateway values inside it have already been made single-line by terminalText or keep their `\n` as a
 * line break, which cannot move the cursor anywhere the program could not.
 */
export function terminalLines(text: string): string {
	return text.replace(UNPRINTABLE_IN_LINES, escapeChar);
}

