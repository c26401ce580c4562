/** A problem the person starting the workbench can fix (a flag, a file, a running process): exit 2 with the message, no stack. */
export class UsageError extends Error {}
