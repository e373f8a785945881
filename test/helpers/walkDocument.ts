import { filesOf, type Stop } from './stopWalk'

export type Walk = { title: string; about: string; stops: Stop[] }

/** One walk as markdown: its counts, then each stop as `file:function` in the order entered. */
function walkSection({ title, about, stops }: Walk): string {
  const counts = `${stops.length} stops in ${filesOf(stops).length} files.`
  const lines = stops.map((stop, index) => `${index + 1}. \`${stop.file}\`: \`${stop.name}\``)
  return [`## ${title}`, '', about, '', counts, '', ...lines].join('\n')
}

/** docs/request-walk.md: written by test/int/requestWalk.test.ts, never by hand. */
export function walkDocument(walks: Walk[]): string {
  return [
    '# Request walk-through, measured',
    '',
    '<!-- Written by test/int/requestWalk.test.ts; UPDATE_WALK=1 rewrites it. -->',
    '',
    'A stop is a function in `src/` or `collections/` entered while one request is handled,',
    "recorded with V8's precise coverage (call counts reset, one request, counts taken) after",
    'warm-up, so one-time work of the process is not counted. A function entered several times is',
    'one stop. Anonymous functions are named after the innermost named function around them,',
    '`outer/(anonymous)` (`/(anonymous)` when that is the module itself, as for middleware a',
    'factory returns).',
    '',
    'Coverage counts calls but does not record their order. The request is therefore sent a',
    'second time from the same state, with a breakpoint (set from a worker thread, which can',
    'pause this one) at the start of each function the first run entered; the walk lists the',
    'functions in the order of their first pause. A file appears again when the request returns',
    'into it.',
    '',
    ...walks.flatMap((walk) => [walkSection(walk), '']),
  ].join('\n')
}
