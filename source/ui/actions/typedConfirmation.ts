import type {ConfirmationRequest, ConfirmFn} from '../../operations/types.js';
import type {NavigationStore} from '../navigation.js';
import type {ActionConfirmation} from './types.js';

// The TUI's side of the runner's `confirm`: the operation's prompt in the confirmation bar, the word the
// action declares. Resolves true when the admin typed it and pressed Enter; false on Esc or a wrong word.

export function typedConfirmation(nav: NavigationStore, declared: ActionConfirmation): ConfirmFn {
	return (request: ConfirmationRequest) =>
		new Promise<boolean>(resolve => {
			let settled = false;
			const settle = (answer: boolean) => {
				if (settled) return;
				settled = true;
				unsubscribe();
				resolve(answer);
			};
			nav.confirm({prompt: request.prompt, expected: declared.expected, onConfirm: () => settle(true)});
			const ours = nav.getState().confirmation;
			// The shell closes the bar before it calls onConfirm; wait a tick before reading a close as "no".
			const unsubscribe = nav.subscribe(state => {
				if (state.confirmation !== ours) setTimeout(() => settle(false), 0);
			});
		});
}
