import type {Route} from '../navigation/routes.js';
import {useNav} from '../shell/ShellContext.js';

/** The route on top of the stack: an existing object, so the selector is stable. */
export const useRoute = (): Route => useNav(s => s.stack.at(-1)!);
