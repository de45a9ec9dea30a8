import {Box} from 'ink';
import {planConfirmationWord, type StatePlan} from '../../../../domain/appPlan.js';
import type {AppOutcome} from '../../../../operations/appBulk.js';
import {printable as plainText} from '../../../format/width.js';
import {Tone} from '../../../theme/ThemeContext.js';
import type {ThemeToken} from '../../../theme/theme.js';
import {planLines, progressBar, summaryText, type PlanLine, type ProgressCounts} from './promotionText.js';

// The incident promotion in one view: the whole plan before the typed confirmation, then the progress
// bar while it runs, then the summary with every app that did not go through. Pure rendering from props:
// the store runs the operations; this never calls anything.

export type PromotionPhase =
	| {kind: 'plan'; plan: StatePlan; offset?: number}
	| {kind: 'running'; plan: StatePlan; progress: ProgressCounts; interrupting: boolean}
	| {kind: 'done'; plan: StatePlan; progress: ProgressCounts; interrupted: boolean; outcomes: readonly AppOutcome[]};

const TONES: Record<PlanLine['tone'], ThemeToken> = {
	heading: 'text.heading',
	step: 'text.primary',
	risk: 'status.warn',
	skip: 'text.muted',
	muted: 'text.muted',
};

function PlanList({plan, offset, rows}: {plan: StatePlan; offset: number; rows: number}) {
	const [heading, ...rest] = planLines(plan);
	const shown = rest.slice(offset, offset + Math.max(1, rows - 2));
	const more = rest.length - offset - shown.length;
	return (
		<Box flexDirection="column">
			<Tone token={TONES.heading} bold wrap="truncate">{plainText(heading!.text)}</Tone>
			{shown.map((line, i) => (
				<Tone key={offset + i} token={TONES[line.tone]} wrap="truncate">{plainText(line.text)}</Tone>
			))}
			{more > 0 ? <Tone token="text.muted">{`… ${more} more line(s) (PgDn)`}</Tone> : null}
		</Box>
	);
}

export function PromotionView({phase, width, height}: {phase: PromotionPhase; width: number; height: number}) {
	if (phase.kind === 'plan') {
		return (
			<Box flexDirection="column" width={width} height={height} overflow="hidden">
				<PlanList plan={phase.plan} offset={phase.offset ?? 0} rows={height - 1} />
				<Tone token="status.warn" wrap="truncate">{confirmHint(phase.plan)}</Tone>
			</Box>
		);
	}
	const to = phase.plan.to;
	if (phase.kind === 'running') {
		return (
			<Box flexDirection="column" width={width} height={height} overflow="hidden">
				<Tone token="text.heading" bold>{`Setting ${phase.progress.total} app(s) to ${to}`}</Tone>
				<Tone token="text.primary">{progressBar(phase.progress, width)}</Tone>
				<Tone token="text.muted">
					{phase.interrupting ? 'Interrupted: waiting for the requests in flight to finish…' : 'Ctrl+C stops it: nothing new starts, the requests in flight finish.'}
				</Tone>
			</Box>
		);
	}
	const problems = phase.outcomes.filter(o => o.outcome !== 'ok');
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Tone token={problems.length === 0 ? 'status.ok' : 'status.warn'} bold wrap="truncate">
				{summaryText(phase.progress, to, phase.interrupted)}
			</Tone>
			<Tone token="text.primary">{progressBar(phase.progress, width)}</Tone>
			{problems.slice(0, Math.max(0, height - 3)).map(o => (
				<Tone key={o.id} token={o.outcome === 'not-started' ? 'text.muted' : 'status.error'} wrap="truncate">
					{plainText(`${o.outcome}  ${o.name}${o.error ? `  ${o.error}` : ''}`)}
				</Tone>
			))}
			<Tone token="text.muted">u puts back the states read before (asks UNDO); Esc closes.</Tone>
		</Box>
	);
}

/** The word the confirmation bar will ask for (one app: its name), so the two never disagree. */
function confirmHint(plan: StatePlan): string {
	const word = planConfirmationWord(plan);
	return word === undefined ? 'This change needs no typed confirmation: it runs now.' : `Type ${plainText(word)} and Enter to run it; Esc leaves everything as it is.`;
}
