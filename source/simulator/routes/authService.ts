import {AuthServiceCertificateRequest, AuthServiceEnableRequest} from '../../api/schemas/authService.js';
import {paths} from '../../api/schemas/paths.js';
import {requires} from '../../api/schemas/scopes.js';
import {fieldError, type FieldError} from '../../domain/fieldError.js';
import * as v from '../../domain/validators.js';
import {created, noContent, ok, type Route} from '../context.js';
import {conflict} from '../errors.js';
import type {GatewayState} from '../state.js';
import {checkNumber, checkString, checkStringList, parseRequest, valueAt, type DomainCheck} from '../validation.js';
import {authServiceView} from '../views.js';
import {authServiceOf} from './lookups.js';
import {certificateCovers} from '../../domain/certificateRules.js';

// /settings/authentication-service: enable (no update: 409 when enabled), read, disable, health and
// the certificates it serves with. All of it needs the authenticationService.manage scope.

const existingCertificate = (state: GatewayState): DomainCheck => raw => {
	const id = valueAt(raw, 'certificateId');
	if (typeof id !== 'string' || v.uuid(id)) return checkString(raw, 'certificateId', v.uuid);
	return state.certificates.has(id) ? [] : [fieldError('certificateId', 'No certificate with this id.')];
};

const serverNodeChecks: DomainCheck = raw => {
	const nodes = valueAt(raw, 'serverNodes');
	const listProblem = checkStringList(raw, 'serverNodes', v.nonEmptyList);
	if (listProblem.length > 0 || !Array.isArray(nodes)) return listProblem;
	return nodes.flatMap((_, i) => checkString(raw, `serverNodes.${i}`, v.hostname));
};

const enableChecks = (state: GatewayState): DomainCheck[] => [
	serverNodeChecks,
	raw => checkString(raw, 'database.host', v.hostname),
	raw => checkNumber(raw, 'database.port', v.port),
	raw => checkString(raw, 'database.name', v.required),
	raw => checkString(raw, 'database.username', v.required),
	raw => checkString(raw, 'database.password', v.required),
	raw => checkString(raw, 'publicDomain', v.domainName),
	existingCertificate(state),
];

// The same rule the client warns with (a wildcard covers exactly one leftmost label).
export {certificateCovers} from '../../domain/certificateRules.js';

/** OAG's admin host for the service: "-admin" added to the first label of the public domain. */
export const adminHostnameOf = (publicDomain: string): string => publicDomain.replace(/^([^.]+)/, '$1-admin');

export const authServiceRoutes: Route[] = [
	{
		method: 'GET',
		template: paths.authService,
		scope: requires.authService,
		handle: ctx => ok(authServiceView(authServiceOf(ctx))),
	},
	{
		method: 'POST',
		template: paths.authService,
		scope: requires.authService,
		handle: async ctx => {
			const {state} = ctx.sim;
			if (state.authService) {
				throw conflict('The authentication service is already enabled; disable it first to change its settings.');
			}
			const setting = parseRequest(AuthServiceEnableRequest, await ctx.body(), ...enableChecks(state));
			state.authService = {setting, certificates: [], enabledAtMs: ctx.nowMs};
			return created(authServiceView(state.authService));
		},
	},
	{
		method: 'DELETE',
		template: paths.authService,
		scope: requires.authService,
		handle: ctx => {
			authServiceOf(ctx);
			ctx.sim.state.authService = undefined;
			return noContent();
		},
	},
	{
		method: 'GET',
		template: paths.authServiceHealth,
		scope: requires.authService,
		handle: ctx => ok(ctx.sim.health.check(authServiceOf(ctx), ctx.nowMs)),
	},
	{
		method: 'GET',
		template: paths.authServiceCertificates,
		scope: requires.authService,
		handle: ctx => ok(authServiceOf(ctx).certificates.map(c => ({...c}))),
	},
	{
		method: 'PUT',
		template: paths.authServiceCertificates,
		scope: requires.authService,
		handle: async ctx => {
			const service = authServiceOf(ctx);
			const {state} = ctx.sim;
			const publicDomain = service.setting.publicDomain;
			const hostChecks: DomainCheck = raw => {
				const host = valueAt(raw, 'hostname');
				if (typeof host !== 'string' || v.domainName(host)) return checkString(raw, 'hostname', v.domainName);
				const problems: FieldError[] = [];
				if (host === publicDomain || host === adminHostnameOf(publicDomain)) {
					problems.push(fieldError('hostname', 'Must differ from the public domain and its admin host name.'));
				}
				const certificate = state.certificates.get(String(valueAt(raw, 'certificateId')));
				if (problems.length === 0 && certificate && !certificateCovers(certificate, host)) {
					problems.push(fieldError('hostname', `The certificate ${certificate.commonName} does not cover this host name.`));
				}
				return problems;
			};
			const request = parseRequest(
				AuthServiceCertificateRequest,
				await ctx.body(),
				raw => checkString(raw, 'type', v.required),
				hostChecks,
				existingCertificate(state),
			);
			service.certificates = [...service.certificates.filter(c => c.type !== request.type), request];
			return ok({...request});
		},
	},
];
