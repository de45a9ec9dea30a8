// Entry point: argv -> a non-interactive command, or the TUI (see source/commands/program.ts).
import {buildProgram} from './source/commands/program.js';
import {runProgram} from './source/commands/run.js';

await runProgram(buildProgram(), process.argv);
