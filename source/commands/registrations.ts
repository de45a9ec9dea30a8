import type {Command} from 'commander';
import {registerApps} from './apps.js';
import {registerAudit} from './audit.js';
import {registerAuthService} from './authService.js';
import {registerCerts} from './certs.js';
import {registerDirectories} from './directories.js';
import {registerIdpHealthPolicy} from './idpHealthPolicy.js';
import {registerIdps} from './idps.js';
import {register as registerLogin} from './login.js';
import {register as registerLogout} from './logout.js';
import {register as registerProfile} from './profile.js';
import {registerSimulator} from './simulator.js';
import {registerStatus} from './status.js';
import {registerDemo, registerTui} from './tuiCommands.js';

/**
 * Every subcommand registers itself here: one import and one entry per command module.
 * Each module exports `register(program)` and keeps its own options and action.
 */
export type RegisterCommand = (program: Command) => void;

export const commandRegistrations: RegisterCommand[] = [
	registerStatus,
	registerIdps,
	registerCerts,
	registerAuthService,
	registerIdpHealthPolicy, // adds `idps health-policy`: after registerIdps
	registerDirectories,
	registerApps,
	registerAudit,
	registerSimulator,
	registerLogin,
	registerProfile,
	registerLogout,
	registerTui,
	registerDemo,
];
