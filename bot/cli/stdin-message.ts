/**
 * One line of `ask`'s standard input: the message itself, or a JSON object carrying it. A program
 * feeding questions as JSON Lines ({"id": 7, "question": "网办率是多少？"}) gets each reply with the
 * line's fields beside it (the reply's own fields win a clash), so answers line up with questions; a
 * plain line, or JSON that names no question, is the message as typed.
 */
const MESSAGE_FIELDS = ['question', 'message', 'text', 'query', 'q'] as const

export interface StdinMessage {
  message: string
  /** the line's fields (an id, the question), printed back with the reply under --json */
  echo: Record<string, unknown>
}

export function stdinMessage(line: string): StdinMessage {
  const object = jsonObject(line)
  const field = object && MESSAGE_FIELDS.find((name) => typeof object[name] === 'string')
  if (!object || !field) return { message: line, echo: {} }
  return { message: object[field] as string, echo: object }
}

function jsonObject(line: string): Record<string, unknown> | undefined {
  if (!line.trimStart().startsWith('{')) return undefined
  try {
    const value: unknown = JSON.parse(line)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
