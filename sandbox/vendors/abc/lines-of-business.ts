// Lines of business ABC knows in the sandbox; the ids match public/sso.config.json partners.abc.lobs
// and the line-of-business portal shows the labels.

export interface AbcLineOfBusiness {
  readonly id: string
  readonly label: string
}

export const ABC_LINES_OF_BUSINESS: readonly AbcLineOfBusiness[] = [
  { id: 'ABSLI', label: 'Life insurance' },
  { id: 'ABSLAMC', label: 'Mutual funds' },
]
