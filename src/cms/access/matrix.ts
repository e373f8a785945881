/**
 * Who may do what: the single source of the portal's access rules. The collection and global
 * configs build their access functions from it (see `fromMatrix.ts`), the access tests walk every
 * cell of it through REST, GraphQL and the local API, and `docs/access.md` is rendered from it.
 */

export const actors = ['public', 'partner', 'editor', 'admin'] as const
export type Actor = (typeof actors)[number]

export const operations = [
  'readPublished',
  'readDraft',
  'create',
  'update',
  'delete',
  'publish',
  'changeOwner',
  'trash',
] as const
export type Operation = (typeof operations)[number]

/**
 * `delete` removes a document for good. Where the entity has a trash, that is only possible for a
 * document already in it ("emptying the trash"); `trash` is moving a document into the trash,
 * seeing what is in it and restoring it from there.
 *
 * `true`: any document. `'own'`: only documents of the partner's own organization (for users:
 * only the user's own account). `false`: none. `null`: the operation does not exist here (e.g.
 * drafts of a collection without versions).
 */
export type Grant = boolean | 'own' | null

export type Rules = Record<Operation, Grant>

export type Entity = {
  kind: 'collection' | 'global'
  /** The field naming the owning organization; `'id'` when the entity is the organization. */
  owner?: 'organization' | 'id'
  /** Drafts and publishing exist (versions with drafts). */
  drafts: boolean
  /** Deleting moves a document into a trash first (Payload's `trash`); see `trash` and `delete`. */
  trash?: boolean
  rules: Record<Actor, Rules>
  /**
   * Fields only staff read, whatever the role reads of the document: never in an answer to the
   * public or a partner, over any channel, and not usable in their filters. Hidden fields
   * (token hashes) are in no answer at all.
   */
  staffFields?: readonly string[]
  hiddenFields?: readonly string[]
}

const rules = (grants: Partial<Rules>, defaults: Grant = false): Rules => ({
  readPublished: defaults,
  readDraft: defaults,
  create: defaults,
  update: defaults,
  delete: defaults,
  publish: defaults,
  changeOwner: defaults,
  trash: defaults,
  ...grants,
})

/** Staff: everything. */
const all = rules({}, true)
/** What anyone may see: published documents. */
const reader = rules({ readPublished: true })
/** Without drafts, draft reading and publishing do not exist. */
const noDrafts = (r: Rules): Rules => ({ ...r, readDraft: null, publish: null })
/** Without a trash, the trash operation does not exist. */
const noTrash = (r: Rules): Rules => ({ ...r, trash: null })

/**
 * Staff where deletions go to the trash: editors move documents into it and restore them; only
 * admins delete for good, and only what is already in the trash.
 */
const editorWithTrash = rules({ delete: false }, true)

/** Content only staff write; everyone reads what is published. */
const editorial = (drafts: boolean, trash: boolean): Entity => {
  const shapeDrafts = drafts ? (r: Rules) => r : noDrafts
  const shape = trash ? shapeDrafts : (r: Rules) => noTrash(shapeDrafts(r))
  return {
    kind: 'collection',
    drafts,
    trash,
    rules: {
      public: shape(reader),
      partner: shape(reader),
      editor: shape(trash ? editorWithTrash : all),
      admin: shape(all),
    },
  }
}

/**
 * Content a partner maintains for its own organization, as drafts that editors publish. Partners
 * delete nothing: editors move such documents into the trash.
 */
const partnerOwned: Entity = {
  kind: 'collection',
  owner: 'organization',
  drafts: true,
  trash: true,
  rules: {
    public: reader,
    partner: rules({ readPublished: true, readDraft: 'own', create: 'own', update: 'own' }),
    editor: editorWithTrash,
    admin: all,
  },
}

/** Neither drafts nor a trash. */
const plain = (r: Rules): Rules => noTrash(noDrafts(r))

const staffOnly: Entity = {
  kind: 'collection',
  drafts: false,
  rules: {
    public: plain(rules({})),
    partner: plain(rules({})),
    editor: plain(all),
    admin: plain(all),
  },
}

/** Admins' business alone, with `grants`; nobody else sees anything of it. */
const adminOnly = (grants: Rules): Entity => ({
  kind: 'collection',
  drafts: false,
  rules: {
    public: plain(rules({})),
    partner: plain(rules({})),
    editor: plain(rules({})),
    admin: plain(grants),
  },
})

export const accessMatrix = {
  news: editorial(true, true),
  principles: editorial(true, true),
  events: editorial(true, true),
  projects: partnerOwned,
  people: partnerOwned,
  media: {
    kind: 'collection',
    owner: 'organization',
    drafts: false,
    rules: {
      public: plain(reader),
      partner: plain(rules({ readPublished: true, create: 'own', update: 'own', delete: 'own' })),
      editor: plain(all),
      admin: plain(all),
    },
  },
  organizations: {
    kind: 'collection',
    owner: 'id',
    drafts: true,
    trash: true,
    rules: {
      public: reader,
      // Partners read their own profile, drafts included, but editors maintain it.
      partner: rules({ readPublished: true, readDraft: 'own' }),
      editor: editorWithTrash,
      admin: all,
    },
  },
  // "Published" signatories are the approved ones that chose to be named; "drafts" are the
  // others, and publishing is approving (the `status` field is staff-only). Nobody creates one
  // over the API but staff: the public signs through the signing flow (src/cms/signatures/), which
  // writes as the server after its own checks.
  signatories: {
    kind: 'collection',
    drafts: false,
    // No trash: a signatory who withdraws is deleted for real.
    rules: {
      public: noTrash(reader),
      partner: noTrash(reader),
      editor: noTrash(all),
      admin: noTrash(all),
    },
    staffFields: [
      'email',
      'status',
      'verified',
      'consentToUpdates',
      'locale',
      'source',
      'confirmExpiresAt',
    ],
    hiddenFields: ['emailKey', 'confirmTokenHash', 'withdrawTokenHash'],
  },
  // The signing forms already used (their nonces), so each form and proof of work works once.
  // Written by the signing flow alone; closed to every role over every channel.
  'signature-forms': {
    kind: 'collection',
    drafts: false,
    rules: {
      public: plain(rules({})),
      partner: plain(rules({})),
      editor: plain(rules({})),
      admin: plain(rules({})),
    },
  },
  // Which replica runs the job queues (src/operations/jobs/lease.ts): the server's alone.
  'job-leases': adminOnly(plain(rules({}))),
  // No trash: deleting an account deletes it for real.
  users: {
    kind: 'collection',
    drafts: false,
    rules: {
      public: plain(rules({})),
      // Users read and update their own account; "changeOwner" is setting role or organization.
      partner: plain(rules({ readPublished: 'own', update: 'own' })),
      editor: plain(rules({ readPublished: true, update: 'own' })),
      admin: plain(all),
    },
  },
  // Transitions of partner submissions (who, when, from which state to which, the note). Written
  // by the server alone when a review state changes; never edited, so it stays a true record.
  'review-history': {
    kind: 'collection',
    owner: 'organization',
    drafts: false,
    rules: {
      public: plain(rules({})),
      partner: plain(rules({ readPublished: 'own' })),
      editor: plain(rules({ readPublished: true })),
      admin: plain(rules({ readPublished: true })),
    },
  },
  declaration: { ...editorial(true, false), kind: 'global' },
  site: { ...editorial(false, false), kind: 'global' },
  // Jobs are closed to every role over the API (Payload's own rule): scheduled publishing and the
  // job runner use trusted local calls. Stricter than staff-only, and nothing needs more.
  'payload-jobs': {
    kind: 'collection',
    drafts: false,
    rules: {
      public: plain(rules({})),
      partner: plain(rules({})),
      editor: plain(rules({})),
      admin: plain(rules({})),
    },
  },
  // The admin's editing locks: every logged-in user who edits anything needs them (Payload's own
  // rule); they hold a document reference and who is editing it, never content.
  'payload-locked-documents': {
    kind: 'collection',
    drafts: false,
    rules: {
      public: plain(rules({})),
      partner: plain(all),
      editor: plain(all),
      admin: plain(all),
    },
  },
  'payload-migrations': staffOnly,
  // Mail waiting to go out, sent or given up (collections/MailQueue): admins only, since a queued
  // body may hold a password-reset link. Only the server queues mail; admins retry (update) and
  // delete. Editors see nothing of it: they are recipients, not operators.
  'mail-queue': {
    kind: 'collection',
    drafts: false,
    rules: {
      public: noDrafts(rules({})),
      partner: noDrafts(rules({})),
      editor: noDrafts(rules({})),
      admin: noDrafts(rules({ readPublished: true, update: true, delete: true })),
    },
  },
  // Subscribers' addresses (collections/Subscribers): admins alone read them (and delete one on
  // request); only the subscription flow writes. The updates editors send: staff work.
  subscribers: {
    ...adminOnly(rules({ readPublished: true, delete: true })),
    hiddenFields: ['confirmTokenHash'],
  },
  updates: staffOnly,
  // Outgoing webhooks (collections/Webhooks, src/operations/webhooks/): their addresses and
  // signing secrets are admins' business alone.
  webhooks: adminOnly(all),
  // The delivery log: recorded by the server only; admins read it, send a delivery again
  // (update) and delete entries.
  'webhook-deliveries': adminOnly(rules({ readPublished: true, update: true, delete: true })),
} satisfies Record<string, Entity>

export type EntitySlug = keyof typeof accessMatrix

export const actorOf = (user: { role?: string | null } | null | undefined): Actor =>
  user?.role === 'admin' || user?.role === 'editor' || user?.role === 'partner'
    ? user.role
    : 'public'

export const grant = (entity: EntitySlug, actor: Actor, operation: Operation): Grant =>
  (accessMatrix[entity] as Entity).rules[actor][operation]
