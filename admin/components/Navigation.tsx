// The Admin UI's navigation: Keystone's list links, plus the newsdesk's one-click views of the
// article list, and the sign-out that @keystone-6/auth's own navigation would have given us
// (a project admin/config replaces the one auth generates, so sign-out is rebuilt here).
import { useEffect, useMemo } from 'react'
import { ActionButton } from '@keystar/ui/button'
import { Divider } from '@keystar/ui/layout'
import { useNavigate } from '@keystar/ui/router'
import { Tooltip, TooltipTrigger } from '@keystar/ui/tooltip'
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
        {me && <SignOut name={me.name} />}
        <DeveloperResourcesMenu />
      </NavFooter>
    </NavContainer>
  )
}

function isCurrent(href: string) {
  if (typeof window === 'undefined') return false
  return `${window.location.pathname}${window.location.search}` === href
}

function SignOut({ name }: { name: string }) {
  const navigate = useNavigate()
  const [endSession, { data }] = useMutation<{ endSession: boolean }>(SIGN_OUT)
  useEffect(() => {
    if (data?.endSession) navigate('/signin')
  }, [data, navigate])
  return (
    <TooltipTrigger>
      <ActionButton onPress={() => endSession()}>Sign out</ActionButton>
      <Tooltip>
        <Text>
          Signed in as <strong>{name}</strong>
        </Text>
      </Tooltip>
    </TooltipTrigger>
  )
}
