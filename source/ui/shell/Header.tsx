import {Box, Text} from 'ink';
import type {ConnectionSlice} from '../../store/state.js';
import {shortDuration} from '../format/time.js';
import {Tone} from '../theme/ThemeContext.js';

function TokenState({connection}: {connection: ConnectionSlice}) {
	const expires = connection.token?.tokenExpiresAt;
	if (connection.status === 'error') return <Tone token="status.error">{' [CONNECTION ERROR]'}</Tone>;
	if (connection.status === 'connecting') return <Tone token="status.warn">{' [CONNECTING]'}</Tone>;
	const left = expires === undefined ? '' : expires > Date.now() ? ` token ${shortDuration(expires - Date.now())}` : ' token renewing';
	const mode = connection.token?.mode === 'direct-bearer' ? ' signed bearer' : left;
	return (
		<>
			<Tone token="status.ok">{' [CONNECTED]'}</Tone>
			<Tone token="text.muted">{mode}</Tone>
		</>
	);
}

/** Where the key lives; an unencrypted key file is a danger badge, in words as well as colour. */
function KeyBackend({label}: {label: string}) {
	if (label !== 'PLAINTEXT') return <Text>{label}</Text>;
	return (
		<Tone token="badge.danger" bold>
			{'[PLAINTEXT: key stored unencrypted]'}
		</Tone>
	);
}

export type HeaderProps = {connection: ConnectionSlice | undefined; trail: string[]; width: number};

/** Who and where: profile, gateway, key backend, RO/RW, connection and token, the breadcrumb trail. */
export function Header({connection, trail, width}: HeaderProps) {
	return (
		<Box flexDirection="column" width={width}>
			<Box>
				<Tone token="text.heading" bold>
					oag-offline
				</Tone>
				{connection ? (
					<Text wrap="truncate">
						<Tone token="text.muted"> profile </Tone>
						<Text>{connection.profile}</Text>
						<Tone token="text.muted"> gateway </Tone>
						<Text>{connection.host}</Text>
						<Tone token="text.muted"> key </Tone>
						<KeyBackend label={connection.keyBackend} />{' '}
						{connection.readOnly ? (
							<Tone token="badge.readOnly" bold>
								[RO]
							</Tone>
						) : (
							<Tone token="badge.readWrite" bold>
								[RW]
							</Tone>
						)}
						<TokenState connection={connection} />
						{connection.insecure ? (
							<Tone token="badge.danger" bold>
								{' [INSECURE TLS: certificate not verified]'}
							</Tone>
						) : null}
					</Text>
				) : (
					<Tone token="text.muted"> not connected</Tone>
				)}
			</Box>
			<Box>
				<Text wrap="truncate">
					{trail.map((title, i) => (
						<Text key={i}>
							{i > 0 ? <Tone token="text.muted">{' › '}</Tone> : null}
							{i === trail.length - 1 ? (
								<Tone token="text.accent" bold>
									{title}
								</Tone>
							) : (
								<Text>{title}</Text>
							)}
						</Text>
					))}
				</Text>
				{connection?.lastError ? (
					<Tone token="status.error" wrap="truncate">
						{`  ${connection.lastError}`}
					</Tone>
				) : null}
			</Box>
			<Tone token="border.default">{'─'.repeat(width)}</Tone>
		</Box>
	);
}
