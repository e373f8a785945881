/**
 * The messages between a supervisor and its workers (node's cluster IPC). Each carries a
 * `channel`, so the bus, the write turn and rate-limiter-flexible's own cluster messages can
 * share the one IPC pipe without reading each other's.
 */
export const BUS_CHANNEL = 'initiative-portal.bus'
export const WRITE_TURN_CHANNEL = 'initiative-portal.write-turn'

/** A message on the bus: a topic and a JSON body. */
export type BusMessage = { topic: string; body: unknown }

export type BusEnvelope =
  /** Worker → supervisor: this worker listens to the bus from now on. */
  | { channel: typeof BUS_CHANNEL; kind: 'hello' }
  /** Worker → supervisor: deliver to every other worker, then answer `done`. */
  | { channel: typeof BUS_CHANNEL; kind: 'publish'; id: number; message: BusMessage }
  /** Supervisor → worker: a message of another worker, to be answered with `ack`. */
  | { channel: typeof BUS_CHANNEL; kind: 'deliver'; id: string; message: BusMessage }
  | { channel: typeof BUS_CHANNEL; kind: 'ack'; id: string }
  /** Supervisor → worker: every other worker has handled publication `id` (or died). */
  | { channel: typeof BUS_CHANNEL; kind: 'done'; id: number }

export type WriteTurnEnvelope =
  | { channel: typeof WRITE_TURN_CHANNEL; kind: 'acquire'; id: number }
  | { channel: typeof WRITE_TURN_CHANNEL; kind: 'granted'; id: number }
  | { channel: typeof WRITE_TURN_CHANNEL; kind: 'release'; id: number }

export const isBusEnvelope = (value: unknown): value is BusEnvelope =>
  (value as { channel?: unknown } | null)?.channel === BUS_CHANNEL

export const isWriteTurnEnvelope = (value: unknown): value is WriteTurnEnvelope =>
  (value as { channel?: unknown } | null)?.channel === WRITE_TURN_CHANNEL
