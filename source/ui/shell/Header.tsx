import {Box} from 'ink';
import {Text} from '../theme/Text.js';
import type {ConnectionSlice} from '../../store/state.js';
import {shortDuration} from '../format/time.js';
import {Tone} from '../theme/ThemeContext.js';
import {headerLines, type Segment} from './headerLayout.js';
import {useNow} from './useNow.js';

/** The token's words, counted down live: "token 4m59s", "token renewing", or the signed-bearer mode. */
export function tokenText(connection: ConnectionSlice, now: number): string {
	if (connection.token?.mode === 'direct-bearer') return 'signed bearer';
	const expires = connection.token?.tokenExpiresAt;
	if (expires === undefined) return '';
	return expires > now ? `token ${shortDuration(expires - now)}` : 'token renewing';
}

export function Line({segments}: {segments: readonly Segment[]}) {
	return (
		<Text wrap="truncate">
			{segments.map((segment, i) =>
				segment.token ? (
					<Tone key={i} token={segment.token} bold={segment.bold}>
						{segment.text}
					</Tone>
				) : (
					<Text key={i}>{segment.text}</Text>
				),
			)}
		</Text>
	);
}

export type HeaderProps = {connection: ConnectionSlice | undefined; trail: string[]; width: number; marked?: number};

/**
 * Who and where: profile, gateway, key backend, RO/RW, connection and token, the breadcrumb trail.
 * The only part of the shell that ticks each second (for the token countdown); see headerLayout.ts for
 * what gives way at 80 columns.
 */
export function Header({connection, trail, width, marked}: HeaderProps) {
	const now = useNow();
	const [first, second] = headerLines(width, {
		trail,
		marked,
		connection: connection && {
			profile: connection.profile,
			host: connection.host,
			keyBackend: connection.keyBackend,
			readOnly: connection.readOnly,
			insecure: connection.insecure,
			status: connection.status,
			token: tokenText(connection, now),
			lastError: connection.lastError,
		},
	});
	return (
		<Box flexDirection="column" width={width}>
			<Line segments={first} />
			<Line segments={second} />
		</Box>
	);
}
