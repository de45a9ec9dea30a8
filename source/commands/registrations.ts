import type {Command} from 'commander';

/**
 * Every subcommand registers itself here: one import and one entry per command module.
 * Each module exports `register(program)` and keeps its own options and action.
 */
export type RegisterCommand = (program: Command) => void;

export const commandRegistrations: RegisterCommand[] = [];
