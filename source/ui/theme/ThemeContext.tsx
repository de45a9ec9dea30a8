import type {TextProps} from 'ink';
import {createContext, useContext, type ReactNode} from 'react';
import {Text} from './Text.js';
import {themeNamed, type Theme, type ThemeToken} from './theme.js';

const ThemeContext = createContext<Theme>(themeNamed('dark'));

export const ThemeProvider = ({theme, children}: {theme: Theme; children: ReactNode}) => (
	<ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>
);

export const useTheme = (): Theme => useContext(ThemeContext);

type ToneProps = Omit<TextProps, 'color' | 'backgroundColor'> & {token?: ThemeToken; background?: ThemeToken};

/** Text in a semantic colour. The only place components turn a token into a colour. */
export function Tone({token, background, ...rest}: ToneProps) {
	const theme = useTheme();
	return (
		<Text
			{...rest}
			color={token ? theme.color(token) : undefined}
			backgroundColor={background ? theme.color(background) : undefined}
		/>
	);
}
