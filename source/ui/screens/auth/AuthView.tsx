import {Box, Text} from 'ink';
import {useEffect} from 'react';
import {StateTag} from '../../components/StateTag.js';
import {useOag, useOagStore} from '../../shell/ShellContext.js';
import {databaseLocation} from '../../../domain/databaseLocation.js';
import {Tone} from '../../theme/ThemeContext.js';

const Field = ({name, value}: {name: string; value: string}) => (
	<Box>
		<Box width={18}>
			<Tone token="text.muted">{name}</Tone>
		</Box>
		<Text wrap="truncate">{value}</Text>
	</Box>
);

// The enable form and disable (with typed confirmation) come with the authentication-service issue.
export function AuthView({width}: {width: number; height: number}) {
	const store = useOagStore();
	const {setting, status} = useOag(s => s.authService);
	const health = useOag(s => s.health.history.at(-1)?.status);
	useEffect(() => {
		void store.ensure('authService');
	}, [store]);
	return (
		<Box flexDirection="column" width={width}>
			<Box>
				<Tone token="text.heading" bold>
					Authentication service{'  '}
				</Tone>
				{setting === undefined ? (
					<Tone token="text.muted">{status.state === 'error' ? `[ERROR] ${status.error}` : 'loading…'}</Tone>
				) : (
					<StateTag state={setting ? 'ENABLED' : 'NOT ENABLED'} />
				)}
				{health ? (
					<>
						<Text>{'  health '}</Text>
						<StateTag state={health} />
					</>
				) : null}
			</Box>
			{setting ? (
				<Box flexDirection="column" marginTop={1}>
					<Field name="Server nodes" value={setting.serverNodes.join(', ')} />
					<Field name="Database" value={databaseLocation(setting.database)} />
					<Field name="Public domain" value={setting.publicDomain} />
					<Field name="Certificate" value={setting.certificateId ?? '?'} />
				</Box>
			) : setting === null ? (
				<Text>Offline sign-in needs the authentication service: a MySQL database, server nodes, a public domain and a certificate.</Text>
			) : null}
		</Box>
	);
}
