import {paths} from '../../api/schemas/paths.js';
import {requires} from '../../api/schemas/scopes.js';
import {notFound} from '../errors.js';
import {ok, template, type Route} from '../context.js';

// The gateway objects offline mode depends on: certificates, IdPs and apps, as bare arrays.

export const catalogRoutes: Route[] = [
	{
		method: 'GET',
		template: paths.certificates,
		scope: requires.certRead,
		handle: ({sim}) => ok([...sim.state.certificates.values()]),
	},
	{
		method: 'GET',
		template: template(paths.certificate, 'certificateId'),
		scope: requires.certRead,
		handle: ({sim, params}) => {
			const certificate = sim.state.certificates.get(params.certificateId ?? '');
			if (!certificate) throw notFound(`Not found: Resource not found: certificate ${params.certificateId}`);
			return ok(certificate);
		},
	},
	{
		method: 'GET',
		template: paths.idps,
		scope: requires.idpRead,
		handle: ({sim}) => ok([...sim.state.idps.values()].map(record => record.idp)),
	},
	{
		method: 'GET',
		template: paths.apps,
		scope: requires.appRead,
		handle: ({sim}) => ok([...sim.state.apps.values()].map(record => record.app)),
	},
];
