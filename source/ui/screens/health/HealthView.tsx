import {Box} from 'ink';
import {Text} from '../../theme/Text.js';
import {useEffect} from 'react';
import {averageRoundTrip, failingSince, failureStreak} from '../../../store/healthHistory.js';
import type {PollerStatus} from '../../../store/poller.js';
import {LiveCountdown} from '../../components/LiveCountdown.js';
import {Sparkline} from '../../components/Sparkline.js';
import {StateTag} from '../../components/StateTag.js';
import {healthMeaning} from '../../format/status.js';
import {clock, gatewayTime, shortDuration} from '../../format/time.js';
import {Ago} from '../../shell/Ago.js';
import {useOag, useOagStore} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';

function PollLine({poll, userPaused}: {poll: PollerStatus; userPaused: boolean}) {
	const state = userPaused ? '[PAUSED]' : poll.inFlight ? '[CHECKING]' : '[LIVE]';
	return (
		<Box>
			<Tone token={userPaused ? 'status.warn' : 'status.info'}>{state}</Tone>
			<Tone token="text.muted">
				{` every ${shortDuration(poll.intervalMs)}`}
				{poll.failureStreak > 0 && poll.nextAt ? ` · backing off, next try ${clock(poll.nextAt)}` : ''}
				{'  (+/- interval, p pause, r now)'}
			</Tone>
		</Box>
	);
}

function StaleLine({poll}: {poll: PollerStatus}) {
	if (poll.staleSince === undefined) return null;
	return (
		<Tone token="status.error" wrap="truncate">
			{`[STALE] since ${clock(poll.staleSince)}: ${poll.failureStreak} failed request${poll.failureStreak === 1 ? '' : 's'} (${poll.lastError ?? 'error'})`}
		</Tone>
	);
}

function IdpModes() {
	const items = useOag(s => s.idps.items);
	const status = useOag(s => s.idps.status);
	const history = useOag(s => s.health.history);
	return (
		<Box flexDirection="column" marginTop={1}>
			<Tone token="text.heading" bold>
				IdP failover
			</Tone>
			{items.length === 0 ? <Tone token="text.muted">{status.state === 'error' ? status.error : 'loading…'}</Tone> : null}
			{items.slice(0, 6).map(entry => (
				<Box key={entry.idp.id}>
					<Box width={32} flexShrink={0}>
						<Text wrap="truncate">{entry.idp.name}</Text>
					</Box>
					<Box flexShrink={0}>
						<StateTag state={entry.failover} />
					</Box>
					<Box flexGrow={1} flexShrink={1} marginLeft={2}>
						<LiveCountdown policy={entry.healthPolicy} failover={entry.failover} history={history} />
					</Box>
				</Box>
			))}
			{items.length > 6 ? <Tone token="text.muted">{`… and ${items.length - 6} more (:idps)`}</Tone> : null}
		</Box>
	);
}

export function HealthView({width}: {width: number; height: number}) {
	const store = useOagStore();
	const history = useOag(s => s.health.history);
	const poll = useOag(s => s.health.poll);
	const userPaused = useOag(s => s.health.userPaused);
	useEffect(() => {
		const unwatchHealth = store.health.watch();
		const unwatchModes = store.idpModes.watch();
		return () => {
			unwatchHealth();
			unwatchModes();
		};
	}, [store]);
	const last = history.at(-1);
	const streak = failureStreak(history);
	const since = failingSince(history);
	const average = averageRoundTrip(history);
	return (
		<Box flexDirection="column" width={width}>
			<Box>
				<Tone token="text.heading" bold>
					Authentication service health{'  '}
				</Tone>
				<PollLine poll={poll} userPaused={userPaused} />
			</Box>
			<Box marginTop={1}>
				<Box width={16}>
					<Text>Status</Text>
				</Box>
				<StateTag state={last?.status} fallback="CHECKING" />
				<Text> {last ? healthMeaning(last.status) : 'first check running…'}</Text>
			</Box>
			<Box>
				<Box width={16}>
					<Text>Last checked</Text>
				</Box>
				<Text>{gatewayTime(last?.lastChecked)}</Text>
				{last ? <Text>{'  '}</Text> : null}
				{last ? <Ago at={last.at} /> : null}
				<Tone token="text.muted" wrap="truncate">{last ? ` (by the gateway; our request finished ${clock(last.at)})` : ''}</Tone>
			</Box>
			<Box>
				<Box width={16}>
					<Text>Round trip</Text>
				</Box>
				<Text>{last ? `${last.roundTripMs} ms` : '—'}</Text>
				<Tone token="text.muted">{average !== undefined ? `  (average ${average} ms)` : ''}</Tone>
			</Box>
			<Box>
				<Box width={16}>
					<Text>Failure streak</Text>
				</Box>
				{streak === 0 ? (
					<Tone token="status.ok">0</Tone>
				) : (
					<Tone token="status.error">{`[FAILING] ${streak} check${streak === 1 ? '' : 's'} not HEALTHY since ${clock(since!)}`}</Tone>
				)}
			</Box>
			<StaleLine poll={poll} />
			<Box marginTop={1} flexDirection="column">
				<Tone token="text.muted" wrap="truncate">{`Last ${Math.min(history.length, width - 4)} checks, oldest left (█ HEALTHY ▄ DEGRADED/INIT ▁ UNHEALTHY x failed)`}</Tone>
				<Sparkline history={history} width={width - 4} />
			</Box>
			<IdpModes />
		</Box>
	);
}
