import dark from '../../../themes/dark.json' with {type: 'json'};
import highContrast from '../../../themes/high-contrast.json' with {type: 'json'};
import light from '../../../themes/light.json' with {type: 'json'};
import noColor from '../../../themes/no-color.json' with {type: 'json'};

// Semantic tokens (gemini-cli style): components ask for `status.ok`, never for "green".
// The theme files are imported, so esbuild bundles them into dist/cli.js and no path lookup is needed.

export const THEME_TOKENS = [
	'text.primary',
	'text.muted',
	'text.accent',
	'text.heading',
	'status.ok',
	'status.warn',
	'status.error',
	'status.info',
	'border.default',
	'border.focus',
	'badge.readOnly',
	'badge.readWrite',
	'badge.danger',
	'selection.background',
	'key',
] as const;
export type ThemeToken = (typeof THEME_TOKENS)[number];

export type Theme = {
	name: string;
	description: string;
	/** false: print no colour escapes at all (selection is shown with a marker instead of a background). */
	colored: boolean;
	color(token: ThemeToken): string | undefined;
	/** Set when the asked-for name was unknown: says which name, what is used instead, and the choices. */
	warning?: string;
};

type ThemeFile = {name: string; description: string; tokens: Partial<Record<string, string>>};

const files: ThemeFile[] = [dark, light, highContrast, noColor];
export const THEME_NAMES = files.map(f => f.name);
export const NO_COLOR_THEME = 'no-color';
export const DEFAULT_THEME = 'dark';

function fromFile(file: ThemeFile): Theme {
	const colored = Object.keys(file.tokens).length > 0;
	return {name: file.name, description: file.description, colored, color: token => file.tokens[token]};
}

export type ThemeChoice = {
	/** A theme name (OAG_THEME or a profile setting). */
	name?: string;
	/** commander's `color` flag: false for --no-color. */
	color?: boolean;
	env?: NodeJS.ProcessEnv;
};

/**
 * NO_COLOR (any non-empty value, see no-color.org) and --no-color win over any theme name.
 * An unknown name falls back to the default so a typo never stops the TUI from starting.
 */
export function chooseTheme(choice: ThemeChoice = {}): Theme {
	const env = choice.env ?? process.env;
	if (choice.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return themeNamed(NO_COLOR_THEME);
	const name = choice.name ?? env.OAG_THEME ?? DEFAULT_THEME;
	const theme = themeNamed(name);
	if (theme.name === name) return theme;
	const source = choice.name !== undefined ? 'theme' : 'OAG_THEME';
	return {...theme, warning: `unknown ${source} ${JSON.stringify(name)}: using ${theme.name}; choose ${THEME_NAMES.join('|')}`};
}

export function themeNamed(name: string): Theme {
	const file = files.find(f => f.name === name) ?? files.find(f => f.name === DEFAULT_THEME)!;
	return fromFile(file);
}
