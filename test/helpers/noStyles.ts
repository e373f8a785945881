/** Stands in for Payload's admin stylesheet (`@payloadcms/next/css`), which route files import for the admin and Jest cannot load as a module. */
export {}
