import type {StatePlan} from '../../../../domain/appPlan.js';

// What the incident promotion shows, as lines, so the views stay thin and the wording is tested once:
// the plan (every app, from -> to, its risks, what is left out) and the progress bar. Names come from
// the gateway: the views print them through plainText.

export type ProgressCounts = {total: number; finished: number; ok: number; failed: number};

export type PlanLine = {text: string; tone: 'heading' | 'step' | 'risk' | 'skip' | 'muted'};

/** Every line of the plan; the view windows them (a 2,000-app plan scrolls, the header stays). */
export function planLines(plan: StatePlan): PlanLine[] {
	const risky = plan.steps.filter(step => step.risks.length > 0).length;
	const lines: PlanLine[] = [
		{text: `Plan: ${plan.steps.length} app(s) to ${plan.to}${risky > 0 ? `, ${risky} with a risk` : ''}${plan.skipped.length > 0 ? `, ${plan.skipped.length} left as they are` : ''}`, tone: 'heading'},
	];
	for (const step of plan.steps) {
		lines.push({text: `${step.name}  ${step.from} -> ${step.to}`, tone: 'step'});
		for (const risk of step.risks) lines.push({text: `  ! ${risk}`, tone: 'risk'});
	}
	for (const skip of plan.skipped) lines.push({text: `${skip.name}  skipped: ${skip.reason}`, tone: 'skip'});
	return lines;
}

/** `[#######.......]  120/500  ok 118  failed 2`, the bar fitted to `width` columns. */
export function progressBar(p: ProgressCounts, width: number): string {
	const counts = `  ${p.finished}/${p.total}  ok ${p.ok}  failed ${p.failed}`;
	const barWidth = Math.max(5, Math.min(40, width - counts.length - 2));
	const filled = p.total === 0 ? barWidth : Math.round((p.finished / p.total) * barWidth);
	return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]${counts}`;
}

/** The summary after the run: what changed, what failed, what was never sent (interrupted). */
export function summaryText(p: ProgressCounts, to: string, interrupted: boolean): string {
	const notStarted = p.total - p.finished;
	const parts = [`${p.ok} set to ${to} and verified`, `${p.failed} failed`];
	if (notStarted > 0) parts.push(`${notStarted} not sent${interrupted ? ' (interrupted: the requests in flight finished)' : ''}`);
	return parts.join(', ');
}
