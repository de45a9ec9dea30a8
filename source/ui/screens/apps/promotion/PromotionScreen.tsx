import {Text} from '../../../theme/Text.js';
import {useStore} from 'zustand';
import {useOagStore} from '../../../shell/ShellContext.js';
import {PromotionView} from './PromotionView.js';

// The promotion route: the phase the store's promotion holds, drawn by PromotionView.

export function PromotionScreen({width, height}: {width: number; height: number}) {
	const promotion = useOagStore().promotion;
	const phase = useStore(promotion.state, s => s.phase);
	if (phase.kind === 'idle') return <Text dimColor>No promotion planned: P on the Apps list or the dashboard plans one. Esc goes back.</Text>;
	return <PromotionView phase={phase} width={width} height={height} />;
}
