// Signing in over HTTP, with the request's headers under the test's control (X-Forwarded-For).

export const SIGN_IN = `mutation($email: String!, $password: String!) {
  authenticateUserWithPassword(email: $email, password: $password) {
    ... on UserAuthenticationWithPasswordSuccess { sessionToken item { id } }
    ... on UserAuthenticationWithPasswordFailure { message }
  }
}`

export type Answer = {
  status: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] }
  headers: Headers
  cookie: string | undefined
}

/** POSTs a GraphQL request to the server at `url`. */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {}
): Promise<Answer> {
  const response = await fetch(`${url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json()) as Answer['body']
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  return { status: response.status, body, headers: response.headers, cookie }
}

/** One sign-in attempt; `cookie` is set only when it succeeded. */
export function attempt(
  url: string,
  email: string,
  password: string,
  headers: Record<string, string> = {}
) {
  return post(url, SIGN_IN, { email, password }, headers)
}

/** Signs in (failing the test if it does not work) and returns the session cookie. */
export async function signedIn(url: string, email: string, password: string): Promise<string> {
  const answer = await attempt(url, email, password)
  const result = answer.body.data?.authenticateUserWithPassword
  if (!answer.cookie || !result?.sessionToken) {
    throw new Error(`sign-in as ${email} failed: ${JSON.stringify(answer.body)}`)
  }
  return answer.cookie
}

/** The signed-in account's id, or null when the cookie no longer signs anyone in. */
export async function whoIs(url: string, cookie: string): Promise<string | null> {
  const answer = await post(url, '{ authenticatedItem { id } }', {}, { cookie })
  return answer.body.data?.authenticatedItem?.id ?? null
}
