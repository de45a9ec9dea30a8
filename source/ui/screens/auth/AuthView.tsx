import {Box} from 'ink';
import {Text} from '../../theme/Text.js';
import {useEffect, useState} from 'react';
import {healthAdvice} from '../../../domain/authServiceHealth.js';
import {healthMeaning} from '../../../domain/healthMeaning.js';
import {certificateLabel, certificateWarnings} from '../../../domain/certificateRules.js';
import {databaseLocation} from '../../../domain/databaseLocation.js';
import {StateTag} from '../../components/StateTag.js';
import {plainText} from '../../format/plainText.js';
import {useOag, useOagStore} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';

// The authentication service: its setting (the certificate by CN, SAN and days left, never a bare id) or
// "not enabled" with the key that opens the form; the health from the live poller, and when it is
// DEGRADED or UNHEALTHY, what to check next, in order. `e` enables (or changes), `D` disables.

const Field = ({name, value}: {name: string; value: string}) => (
	<Box>
		<Box width={16} flexShrink={0}>
			<Tone token="text.muted">{name}</Tone>
		</Box>
		<Text wrap="truncate">{value}</Text>
	</Box>
);

export function AuthView({width, height}: {width: number; height: number}) {
	const store = useOagStore();
	const {setting, status} = useOag(s => s.authService);
	const certificates = useOag(s => s.certificates.items);
	const latest = useOag(s => s.health.history.at(-1));
	const [now] = useState(() => Date.now());
	useEffect(() => {
		void store.ensure('authService');
		void store.ensure('certificates');
		// The live health poller runs while this screen is shown.
		return store.health.watch();
	}, [store]);

	const certificate = setting ? certificates.find(c => c.id === setting.certificateId) : undefined;
	const label = certificate ? certificateLabel(certificate, now) : setting?.certificateId ? `(not in the gateway's certificate list: ${plainText(setting.certificateId)})` : '—';
	const warnings = certificate && setting ? certificateWarnings(certificate, setting.publicDomain, now) : [];
	const advice =
		setting && latest
			? healthAdvice({
					status: latest.status,
					serverNodes: setting.serverNodes,
					database: setting.database,
					publicDomain: setting.publicDomain,
					...(certificate ? {certificateLabel: label, certificateWarnings: warnings} : {}),
				})
			: [];
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Box>
				<Tone token="text.heading" bold>
					Authentication service{'  '}
				</Tone>
				{setting === undefined ? (
					<Tone token="text.muted">{status.state === 'error' ? `[ERROR] ${plainText(status.error ?? '')}` : 'loading…'}</Tone>
				) : (
					<StateTag state={setting ? 'ENABLED' : 'NOT ENABLED'} />
				)}
			</Box>
			{setting ? (
				<Box flexDirection="column" marginTop={1}>
					<Field name="Server nodes" value={plainText(setting.serverNodes.join(', '))} />
					<Field name="Database" value={plainText(databaseLocation(setting.database))} />
					<Field name="Public domain" value={plainText(setting.publicDomain)} />
					<Field name="Certificate" value={plainText(label)} />
					{warnings.map(warning => (
						<Tone key={warning} token="status.warn" wrap="truncate">{`[WARN] ${plainText(warning)}`}</Tone>
					))}
					<Box marginTop={1}>
						<Box width={16} flexShrink={0}>
							<Tone token="text.muted">Health</Tone>
						</Box>
						{latest ? (
							<>
								<StateTag state={latest.status} />
								<Text wrap="truncate">{` ${latest.error ? plainText(latest.error) : healthMeaning(latest.status)}`}</Text>
							</>
						) : (
							<Tone token="text.muted">checking…</Tone>
						)}
					</Box>
					{advice.length > 0 ? <Tone token="text.heading">Check next, in order:</Tone> : null}
					{advice.map(step => (
						<Text key={step} wrap="wrap">{`  ${plainText(step)}`}</Text>
					))}
					<Box marginTop={1}>
						<Tone token="text.muted" wrap="truncate">
							e changes the settings (disable, then enable) · D disables (offline sign-in stops)
						</Tone>
					</Box>
				</Box>
			) : setting === null ? (
				<Box flexDirection="column" marginTop={1}>
					<Text>Not enabled: offline sign-in is not available.</Text>
					<Text>It needs a MySQL database, the server nodes, a public domain and a certificate.</Text>
					<Tone token="text.accent">Press e to open the enable form.</Tone>
				</Box>
			) : null}
		</Box>
	);
}
