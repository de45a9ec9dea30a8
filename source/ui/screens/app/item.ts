import type {AppEntry, OagState} from '../../../store/state.js';
import type {RouteParams} from '../../navigation/routes.js';

// Which app an `app` route names, looked up in what the store holds.

export const findApp = (state: Pick<OagState, 'apps'>, id: string | undefined): AppEntry | undefined =>
	id === undefined ? undefined : state.apps.items.find(entry => entry.app.id === id);

export const appName = (entry: AppEntry): string => entry.app.label ?? entry.app.name;

export const appTitle = (state: OagState, params: RouteParams): string | undefined => {
	const entry = findApp(state, params.id);
	return entry ? appName(entry) : undefined;
};

/** The policy form sits on top of its app's screen: its title names what it edits, per the era. */
export const appPolicyTitle = (state: OagState): string => (state.policyEra === 'access-policy' ? 'access policy' : state.policyEra === 'group-policy' ? 'offline groups' : 'offline policy');
