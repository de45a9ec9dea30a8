import {Text as InkText, type TextProps} from 'ink';
import {Children, type ReactNode} from 'react';
import {terminalText} from '../../domain/terminalText.js';

// The one boundary where text reaches the TUI's terminal. Every screen, cell, tag and header draws its
// strings through this component (directly or through Tone), and no file imports Ink's own Text (a test
// keeps it so). Sanitising here rather than in each row builder covers every string a screen shows, a
// gateway's name, state, domain or error summary as well as a value a future screen forgets to clean:
// control characters and escape sequences are shown as `\uXXXX` escapes (domain/terminalText), so
// nothing a gateway returns can move the cursor, set the title, write the clipboard or recolour the frame.
// Ink's own colours and cursor moves are props and layout, not text, so they are untouched. A `\n` stays a
// line break (Ink lays it out inside the box); every other control character is escaped.

const safeLines = (text: string): string => (text.includes('\n') ? text.split('\n').map(terminalText).join('\n') : terminalText(text));

const safe = (node: ReactNode): ReactNode => (typeof node === 'string' ? safeLines(node) : node);

export function Text({children, ...rest}: TextProps) {
	return <InkText {...rest}>{Children.map(children, safe)}</InkText>;
}
