// The Admin UI's navigation: Keystone's list links, plus the newsdesk's one-click views of the
// article list, who is signed in (name, role, their account) and the sign-out that
// @keystone-6/auth's own navigation would have given us (a project admin/config replaces the
// one auth generates, so sign-out is rebuilt here).
import { useEffect, useMemo } from 'react'
import { ActionButton } from '@keystar/ui/button'
import { Divider, VStack } from '@keystar/ui/layout'
import { TextLink } from '@keystar/ui/link'
import { useNavigate } from '@keystar/ui/router'
import { Text } from '@keystar/ui/typography'
import { gql, useMutation, useQuery } from '@keystone-6/core/admin-ui/apollo'
import {
  DeveloperResourcesMenu,
  getHrefFromList,
  NavContainer,
  NavFooter,
  NavItem,
  NavList,
} from '@keystone-6/core/admin-ui/components'
import type { NavigationProps } from '@keystone-6/core/admin-ui/components'
import { newsdeskViews, type SignedIn } from '../newsdesk-views'
import { roleLabels, type Role } from '../../src/access/roles'

const WHO_AM_I = gql`
  query WartaWhoAmI {
    authenticatedItem {
      ... on User {
        id
        name
        role
        person {
          id
        }
      }
    }
  }
`
const SIGN_OUT = gql`
  mutation WartaSignOut {
    endSession
  }
`

export function Navigation({ lists }: NavigationProps) {
  const { data } = useQuery<{ authenticatedItem: SignedIn | null }>(WHO_AM_I)
  const me = data?.authenticatedItem ?? null
  // "Published today" means the newsroom's day as the browser's clock sees it.
  const views = useMemo(() => (me ? newsdeskViews(me, new Date()) : []), [me])
  const hasArticles = lists.some(list => list.key === 'Article')
  return (
    <NavContainer>
      <NavList>
        <NavItem href="/">Dashboard</NavItem>
        {hasArticles && views.length > 0 && (
          <>
            <Divider />
            {views.map(view => (
              <NavItem key={view.label} href={view.href} isSelected={isCurrent(view.href)}>
                {view.label}
              </NavItem>
            ))}
          </>
        )}
        <Divider />
        {lists.map(list => (
          <NavItem key={list.key} href={getHrefFromList(list)}>
            {list.label}
          </NavItem>
        ))}
      </NavList>
      <NavFooter>
        {me && <SignedInAs me={me} />}
        {me?.role === 'admin' && <DeveloperResourcesMenu />}
      </NavFooter>
    </NavContainer>
  )
}

function isCurrent(href: string) {
  if (typeof window === 'undefined') return false
  return `${window.location.pathname}${window.location.search}` === href
}

/** Who is signed in (name, role, a link to their account) and the way out. */
function SignedInAs({ me }: { me: SignedIn }) {
  const navigate = useNavigate()
  const [endSession, { data }] = useMutation<{ endSession: boolean }>(SIGN_OUT)
  useEffect(() => {
    if (data?.endSession) navigate('/signin')
  }, [data, navigate])
  const role = roleLabels[me.role as Role] ?? me.role
  return (
    <VStack gap="regular" aria-label="Signed in">
      <Text size="small" color="neutralSecondary">
        Signed in as
      </Text>
      <TextLink
        href={`/users/${encodeURIComponent(me.id)}`}
        aria-label={`Your account: ${me.name}`}
      >
        {me.name}
      </TextLink>
      <Text size="small">{role}</Text>
      <ActionButton onPress={() => endSession()}>Sign out</ActionButton>
    </VStack>
  )
}
