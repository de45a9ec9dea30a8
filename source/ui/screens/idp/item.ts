import type {IdpEntry, OagState} from '../../../store/state.js';
import type {RouteParams} from '../../navigation/routes.js';

// Which IdP an `idp` route names, looked up in what the store holds.

export const findIdp = (state: Pick<OagState, 'idps'>, id: string | undefined): IdpEntry | undefined =>
	id === undefined ? undefined : state.idps.items.find(entry => entry.idp.id === id);

export const idpTitle = (state: OagState, params: RouteParams): string | undefined => findIdp(state, params.id)?.idp.name;

// The forms sit on top of their IdP's screen, so their titles name only what they edit.
export const policyTitle = (): string => 'health policy';

export const directoryTitle = (state: OagState, params: RouteParams): string | undefined => {
	const entry = findIdp(state, params.idp);
	if (!entry) return undefined;
	const directory = params.directory === undefined ? undefined : entry.directories?.find(d => d.id === params.directory);
	return directory ? directory.connection.connectionUrl : 'new directory';
};
