import {Box, Text} from 'ink';
import {useEffect, useMemo} from 'react';
import {summarize} from '../../../domain/readiness.js';
import {ListView} from '../../components/ListView.js';
import {StateTag} from '../../components/StateTag.js';
import {gatewayTime} from '../../format/time.js';
import {useNav, useOag, useOagStore} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import {dashboardRows, type ReadinessRow} from './rows.js';

function ReadinessLineView({row, width}: {row: ReadinessRow; width: number}) {
	const mark = row.pending ? '[…]' : row.done ? '[x]' : '[ ]';
	const subjectWidth = Math.min(34, Math.floor(width / 3));
	return (
		<Box width={width}>
			<Box width={4} flexShrink={0}>
				<Tone token={row.pending ? 'text.muted' : row.done ? 'status.ok' : 'status.warn'}>{mark}</Tone>
			</Box>
			<Box width={subjectWidth} flexShrink={0}>
				<Text wrap="truncate">{row.subject}</Text>
			</Box>
			{/* flexBasis 0: the detail takes the room left over and is cut, never pushing the key hint out. */}
			<Box flexGrow={1} flexBasis={0}>
				<Tone token={row.done ? 'text.muted' : 'text.primary'} wrap="truncate">
					{row.detail}
				</Tone>
			</Box>
			<Box flexShrink={0} marginLeft={1}>
				<Tone token="key">{row.goTo}</Tone>
			</Box>
		</Box>
	);
}

function HealthSummary() {
	const last = useOag(s => s.health.history.at(-1));
	const streak = useOag(s => s.health.poll.failureStreak);
	return (
		<Box>
			<Text>Health </Text>
			<StateTag state={last?.status} fallback="CHECKING" />
			<Tone token="text.muted">
				{last ? `  checked ${gatewayTime(last.lastChecked)} · ${last.roundTripMs} ms` : ''}
				{streak > 0 ? `  · ${streak} failed requests` : ''}
				{'  (2 or :health for live)'}
			</Tone>
		</Box>
	);
}

export function DashboardView({width, height}: {width: number; height: number}) {
	const store = useOagStore();
	const filter = useNav(s => s.filters.dashboard ?? '');
	const cursor = useNav(s => s.cursors.dashboard ?? 0);
	const authService = useOag(s => s.authService);
	const history = useOag(s => s.health.history);
	const idps = useOag(s => s.idps);
	const apps = useOag(s => s.apps);
	const policyEra = useOag(s => s.policyEra);
	const all = useMemo(
		() => dashboardRows({authService, health: {history}, idps, apps, policyEra}, ''),
		[authService, history, idps, apps, policyEra],
	);
	const rows = useMemo(() => (filter ? dashboardRows({authService, health: {history}, idps, apps, policyEra}, filter) : all), [all, filter]);
	const total = summarize(all);
	useEffect(() => store.health.watch(), [store]);
	useEffect(() => {
		void store.ensure('authService');
		void store.ensure('idps');
		void store.ensureDirectories(); // per IdP, once the list is in
		void store.ensure('apps');
	}, [store]);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<HealthSummary />
			<Box>
				<Tone token="text.heading" bold>
					Readiness for offline mode:{' '}
				</Tone>
				<Text>
					{total.done}/{total.total} done
				</Text>
				<Tone token="text.muted">
					{total.pending > 0 ? ` (${total.pending} loading)` : ''}
					{apps.items.length > 0 && apps.detailsLoaded < apps.items.length ? ` · app details ${apps.detailsLoaded}/${apps.items.length}` : ''}
					{'  Enter goes to the fix'}
				</Tone>
			</Box>
			<ListView
				rows={rows}
				cursor={cursor}
				height={height - 2}
				filter={filter}
				total={all.length}
				empty="Nothing to check yet."
				rowKey={row => row.id}
				renderRow={row => <ReadinessLineView row={row} width={width - 2} />}
			/>
		</Box>
	);
}
