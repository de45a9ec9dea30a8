import {paths} from '../../api/schemas/paths.js';
import {requires} from '../../api/schemas/scopes.js';
import {
	DirectoryCreateRequest,
	DirectoryReplaceRequest,
	TestDirectoryConnectionRequest,
} from '../../api/schemas/directories.js';
import {CONFIG_TEXT_FIELDS} from '../../domain/directoryRules.js';
import {fieldError} from '../../domain/fieldError.js';
import * as v from '../../domain/validators.js';
import {created, noContent, ok, template, type Route, type RouteContext} from '../context.js';
import {badRequest, notFound} from '../errors.js';
import {loopbackHostOf, tryBind} from '../ldapBind.js';
import type {IdpRecord, StoredDirectory} from '../state.js';
import {checkString, checkStringList, parseRequest, valueAt, type DomainCheck} from '../validation.js';
import {directoryView} from '../views.js';
import {authServiceOf, idpOf} from './lookups.js';

// The IdP's offline directories (LDAP/AD) and the bind test. bindCredential is write-only: stored,
// used, never returned; a replace without it keeps the stored one.

const directoryChecks = (credentialRequired: boolean): DomainCheck[] => [
	raw => checkString(raw, 'connection.connectionUrl', v.ldapUrl),
	raw => checkString(raw, 'connection.bindDn', v.distinguishedName),
	raw => (credentialRequired ? checkString(raw, 'connection.bindCredential', v.required) : []),
	raw => checkString(raw, 'config.userSearchDn', v.distinguishedName),
	raw => checkString(raw, 'config.groupSearchDn', v.distinguishedName),
	raw => checkString(raw, 'config.userObjectFilter', v.ldapFilter),
	raw => checkStringList(raw, 'config.userObjectClasses', v.nonEmptyList),
	raw => checkStringList(raw, 'config.groupObjectClasses', v.nonEmptyList),
	...CONFIG_TEXT_FIELDS.map(field => (raw: unknown) => checkString(raw, `config.${field}`, v.required)),
];

function directoryOf(ctx: RouteContext, record: IdpRecord): StoredDirectory {
	const id = ctx.params.directoryId ?? '';
	const directory = record.directories.get(id);
	if (!directory) throw notFound(`Not found: Resource not found: directory ${id}`);
	return directory;
}

const directoryTemplate = template(paths.directory, 'idpId', 'directoryId');

export const directoryRoutes: Route[] = [
	{
		method: 'GET',
		template: template(paths.directories, 'idpId'),
		scope: requires.idpRead,
		handle: ctx => ok([...idpOf(ctx).directories.values()].map(directoryView)),
	},
	{
		method: 'POST',
		template: template(paths.directories, 'idpId'),
		scope: requires.idpManage,
		handle: async ctx => {
			const record = idpOf(ctx);
			const request = parseRequest(DirectoryCreateRequest, await ctx.body(), ...directoryChecks(true));
			const stored: StoredDirectory = {...request, id: ctx.sim.ids.uuid()};
			record.directories.set(stored.id, stored);
			return created(directoryView(stored));
		},
	},
	{
		method: 'GET',
		template: directoryTemplate,
		scope: requires.idpRead,
		handle: ctx => ok(directoryView(directoryOf(ctx, idpOf(ctx)))),
	},
	{
		method: 'PUT',
		template: directoryTemplate,
		scope: requires.idpManage,
		handle: async ctx => {
			const record = idpOf(ctx);
			const existing = directoryOf(ctx, record);
			const request = parseRequest(DirectoryReplaceRequest, await ctx.body(), ...directoryChecks(false));
			const bindCredential = request.connection.bindCredential ?? existing.connection.bindCredential;
			const stored: StoredDirectory = {...request, id: existing.id, connection: {...request.connection, bindCredential}};
			record.directories.set(stored.id, stored);
			return ok(directoryView(stored));
		},
	},
	{
		method: 'DELETE',
		template: directoryTemplate,
		scope: requires.idpManage,
		handle: ctx => {
			const record = idpOf(ctx);
			record.directories.delete(directoryOf(ctx, record).id);
			return noContent();
		},
	},
	{
		method: 'POST',
		template: template(paths.testDirectoryConnection, 'idpId'),
		scope: requires.idpManage,
		handle: async ctx => {
			idpOf(ctx);
			// The test runs from the node of the authentication service, so it needs one.
			authServiceOf(ctx);
			const loopbackOnly: DomainCheck = raw => {
				const url = valueAt(raw, 'connectionUrl');
				if (typeof url !== 'string' || v.ldapUrl(url) || loopbackHostOf(url)) return [];
				return [fieldError('connectionUrl', 'The simulator only connects to loopback directories (127.0.0.1, ::1, localhost).')];
			};
			const request = parseRequest(
				TestDirectoryConnectionRequest,
				await ctx.body(),
				raw => checkString(raw, 'connectionUrl', v.ldapUrl),
				loopbackOnly,
				raw => checkString(raw, 'bindDn', v.distinguishedName),
				raw => checkString(raw, 'bindCredential', v.required),
			);
			const failure = await tryBind(request.connectionUrl, request.bindDn, request.bindCredential, ctx.sim.ldapCaPem);
			if (failure) throw badRequest(`Directory bind failed: ${failure}`);
			return noContent();
		},
	},
];
