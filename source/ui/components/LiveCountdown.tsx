import type {HealthPolicyValues} from '../../domain/healthPolicy.js';
import {liveTimeline, liveTimelineText, observedChecks, type LiveTimeline} from '../../domain/healthPolicyTimeline.js';
import type {HealthSample} from '../../store/healthHistory.js';
import {useNow} from '../shell/useNow.js';
import {Tone} from '../theme/ThemeContext.js';
import type {ThemeToken} from '../theme/theme.js';

// The live failover/recovery countdown of one IdP: its health policy and the health checks we observed
// give "2 of 3 checks failed: failover in about 60 s". Only this line re-renders on the shared clock.

const TONE: Record<LiveTimeline['phase'], ThemeToken> = {
	unknown: 'text.muted',
	online: 'status.ok',
	failing: 'status.warn',
	offline: 'status.error',
	recovering: 'status.info',
};

export type LiveCountdownProps = {
	policy: HealthPolicyValues | undefined;
	/** The IdP's failover mode: with DISABLED the failures only count up. */
	failover: string | undefined;
	history: readonly HealthSample[];
};

export function LiveCountdown({policy, failover, history}: LiveCountdownProps) {
	const now = useNow();
	if (!policy) return <Tone token="text.muted">health policy not loaded</Tone>;
	const timeline = liveTimeline({policy, checks: observedChecks(history), now, failoverDisabled: failover === 'DISABLED'});
	return (
		<Tone token={TONE[timeline.phase]} wrap="truncate">
			{liveTimelineText(timeline, policy)}
		</Tone>
	);
}
