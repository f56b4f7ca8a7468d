// Errors that never reach GraphQL (a body past the size limit, malformed JSON) end in Express's
// final handler, which outside production answers with the error's stack trace as HTML. Its
// `env` setting is all it reads to decide: Warta's answers never carry a stack trace, in
// development either (the server log has it).

type App = { set(setting: string, value: unknown): unknown }

/** Keystone's `server.extendExpressApp` step: Express's final handler answers without stacks. */
export function quietErrors(app: App) {
  app.set('env', 'production')
}
