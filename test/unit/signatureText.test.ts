/** How signers' addresses are compared, what their text may hold, and how the CSV defuses cells. */
import { normaliseSignerAddress } from '@/cms/signatures/address'
import { neutraliseCell } from '@/cms/signatures/export'
import { plainTextProblem } from '@/cms/signatures/plainText'

test('addresses: trimmed, NFC, lower case, IDNA domain; dots and plus tags kept', () => {
  expect(normaliseSignerAddress('  Anna.Beck+KI@Example.ORG ')).toBe('anna.beck+ki@example.org')
  expect(normaliseSignerAddress('a@Bu\u0308cher.de')).toBe('a@xn--bcher-kva.de')
  expect(normaliseSignerAddress('a@bücher.de')).toBe('a@xn--bcher-kva.de')
  expect(normaliseSignerAddress('a.b@example.org')).not.toBe(
    normaliseSignerAddress('ab@example.org'),
  )
  for (const junk of [
    '',
    'no-at',
    '@example.org',
    'a@',
    'a@localhost',
    'a..b@example.org',
    'a b@example.org',
    '"q"@example.org',
    `${'x'.repeat(65)}@example.org`,
    'a@-x.org',
  ]) {
    expect([junk, normaliseSignerAddress(junk)]).toEqual([junk, null])
  }
})

test('plain text: real names pass, links, markup and control characters do not', () => {
  for (const name of ['Web.de', 'AT&T', "O'Brien", 'Jörg Bienert', 'Dr. Anna-Lena Groß']) {
    expect([name, plainTextProblem(name, 120)]).toEqual([name, null])
  }
  expect(plainTextProblem('see https://x.example', 120)).toBe('link')
  expect(plainTextProblem('WWW.x.example', 120)).toBe('link')
  expect(plainTextProblem('a<b', 120)).toBe('markup')
  expect(plainTextProblem('tab\there', 120)).toBe('control')
  expect(plainTextProblem('x'.repeat(121), 120)).toBe('too long')
})

test('CSV cells that a spreadsheet would run as a formula are defused', () => {
  for (const cell of ['=1+2', '+49 30', '-x', '@SUM(A1)', '\tx', '\rx']) {
    expect(neutraliseCell(cell)).toBe(`'${cell}`)
  }
  expect(neutraliseCell('Jörg = Bienert')).toBe('Jörg = Bienert')
})
