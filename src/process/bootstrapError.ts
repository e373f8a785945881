/** A start the operator must fix (no user in a production database): printed without a stack. */
export class BootstrapError extends Error {}
