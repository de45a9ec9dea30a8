import {Text} from '../theme/Text.js';
import type {HealthSample} from '../../store/healthHistory.js';
import {sparkChar, statusToken} from '../format/status.js';
import {Tone} from '../theme/ThemeContext.js';

/** The last checks, oldest left, one character each; consecutive equal statuses share one coloured run. */
export function Sparkline({history, width}: {history: readonly HealthSample[]; width: number}) {
	const shown = history.slice(Math.max(0, history.length - width));
	const runs: Array<{status: string; text: string}> = [];
	for (const sample of shown) {
		const last = runs.at(-1);
		if (last && last.status === sample.status) last.text += sparkChar(sample.status);
		else runs.push({status: sample.status, text: sparkChar(sample.status)});
	}
	if (runs.length === 0) return <Tone token="text.muted">no checks yet</Tone>;
	return (
		<Text>
			{runs.map((run, i) => (
				<Tone key={i} token={statusToken(run.status)}>
					{run.text}
				</Tone>
			))}
		</Text>
	);
}
