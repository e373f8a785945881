/** Admin groups of the content model, in both admin languages. */
export const groups = {
  content: { de: 'Inhalte', en: 'Content' },
  community: { de: 'Gemeinschaft', en: 'Community' },
  settings: { de: 'Einstellungen', en: 'Settings' },
  system: { de: 'System', en: 'System' },
}

export const label = (de: string, en: string) => ({ de, en })
