import type { SanitizedConfig } from 'payload'

import { processSlot } from './processSingleton'

const served = processSlot<SanitizedConfig>('served-config')

/**
 * The config of the Payload instance this process serves, set when that instance starts
 * (`onInit` in src/payload.config.ts), for code that runs outside a Payload request and must not
 * import the config itself: the pages' in-process GraphQL reads.
 */
export const serveConfig = (config: SanitizedConfig): void => served.set(config)

export const servedConfig = (): SanitizedConfig | undefined => served.get()
