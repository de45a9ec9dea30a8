import {Box} from 'ink';
import {Text} from '../../theme/Text.js';
import {useCallback, useEffect, useMemo} from 'react';
import {readinessHeadline, summarize, summaryComplete, type ListState} from '../../../domain/readiness.js';
import type {ResourceStatus} from '../../../store/resourceStatus.js';
import {RouteList} from '../../components/RouteList.js';
import {StateTag} from '../../components/StateTag.js';
import {gatewayTime} from '../../format/time.js';
import {useList} from '../../components/useList.js';
import {plainText} from '../../format/plainText.js';
import {Ago} from '../../shell/Ago.js';
import {useOag, useOagStore} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import {selectDashboardRows, type ReadinessRow} from './rows.js';

function ReadinessLineView({row, width}: {row: ReadinessRow; width: number}) {
	const mark = row.pending ? '[…]' : row.done ? '[x]' : '[ ]';
	const subjectWidth = Math.min(34, Math.floor(width / 3));
	return (
		<Box width={width}>
			<Box width={4} flexShrink={0}>
				<Tone token={row.pending ? 'text.muted' : row.done ? 'status.ok' : 'status.warn'}>{mark}</Tone>
			</Box>
			<Box width={subjectWidth} flexShrink={0}>
				<Text wrap="truncate">{plainText(row.subject)}</Text>
			</Box>
			{/* flexBasis 0: the detail takes the room left over and is cut, never pushing the key hint out. */}
			<Box flexGrow={1} flexBasis={0}>
				<Tone token={row.done ? 'text.muted' : 'text.primary'} wrap="truncate">
					{plainText(row.detail)}
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
			{last ? (
				<Text wrap="truncate">
					<Tone token="text.muted">{`  checked `}</Tone>
					<Ago at={last.at} />
					<Tone token="text.muted">
						{` (${gatewayTime(last.lastChecked)}) · ${last.roundTripMs} ms`}
						{streak > 0 ? `  · ${streak} failed requests` : ''}
						{'  (2: live)'}
					</Tone>
				</Text>
			) : null}
		</Box>
	);
}

/** A list counts once it has loaded (even if a later refresh failed); failed only if it never did. */
const listState = (status: ResourceStatus): ListState =>
	status.loadedAt !== undefined ? 'ready' : status.state === 'error' ? 'failed' : 'loading';

export function DashboardView({width, height}: {width: number; height: number}) {
	const store = useOagStore();
	const list = useList(selectDashboardRows, 'dashboard');
	const apps = useOag(s => s.apps);
	const idpsStatus = useOag(s => s.idps.status);
	const appsStatus = useOag(s => s.apps.status);
	const summary = useMemo(
		() => summarize(list.all, {lists: {idps: listState(idpsStatus), apps: listState(appsStatus)}}),
		[list.all, idpsStatus, appsStatus],
	);
	const listHeight = height - 2;
	const renderRow = useCallback((row: ReadinessRow) => <ReadinessLineView row={row} width={width - 2} />, [width]);
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
			<Text wrap="truncate">
				<Tone token="text.heading" bold>
					Readiness for offline mode:{' '}
				</Tone>
				<Tone token={summaryComplete(summary) ? 'text.primary' : summary.failed.length > 0 ? 'status.error' : 'text.muted'}>
					{readinessHeadline(summary)}
				</Tone>
				<Tone token="text.muted">
					{apps.items.length > 0 && apps.detailsLoaded < apps.items.length ? ` · app details ${apps.detailsLoaded}/${apps.items.length}` : ''}
					{'  Enter opens the selected line'}
				</Tone>
			</Text>
			<RouteList list={list} height={listHeight} empty="Nothing to check yet." renderRow={renderRow} />
		</Box>
	);
}
